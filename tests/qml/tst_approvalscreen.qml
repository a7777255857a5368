import QtQuick
import QtTest
import CardLink.Terminal

TestCase {
    id: test
    name: "ApprovalScreen"
    when: windowShown
    // A TestCase is invisible by default (Qt 6.4): mouse events would not
    // reach the items made under it.
    visible: true
    width: 1024
    height: 600

    Component {
        id: screenComponent
        ApprovalScreen {
            width: 1024
            height: 600
            title: "Pay this amount?"
            amount: "42.00 GBP"
            merchant: "CARDLINK-DEMO"
            items: ["1 x coffee", "1 x cake"]
        }
    }
    SignalSpy { id: approved; signalName: "approved" }
    SignalSpy { id: declined; signalName: "declined" }

    property var screen

    function init() {
        screen = createTemporaryObject(screenComponent, test)
        screen.forceActiveFocus()
        approved.target = screen
        declined.target = screen
        approved.clear()
        declined.clear()
        waitForRendering(screen)
    }

    function test_largeType() {
        const amount = findChild(screen, "approvalAmount")
        compare(amount.text, "42.00 GBP")
        verify(amount.font.pixelSize >= 40)
        verify(findChild(screen, "approvalMerchant").text.indexOf("CARDLINK-DEMO") >= 0)
        verify(findChild(screen, "approvalDate").text.length > 0)
    }

    // The items being approved are listed (at most four lines high).
    function test_items() {
        const list = findChild(screen, "approvalItems")
        verify(list.visible)
        compare(list.count, 2)
        verify(list.height > 0 && list.height <= Theme.normal * 1.6 * 4)
        screen.items = []
        verify(!list.visible)
    }

    function test_buttons_data() {
        return [{ tag: "approve", name: "approveButton", approve: true },
                { tag: "decline", name: "declineButton", approve: false }]
    }
    function test_buttons(data) {
        mouseClick(findChild(screen, data.name))
        compare(approved.count, data.approve ? 1 : 0)
        compare(declined.count, data.approve ? 0 : 1)
    }

    function test_keyboard_data() {
        return [{ tag: "enter", key: Qt.Key_Return, approve: true },
                { tag: "escape", key: Qt.Key_Escape, approve: false }]
    }
    function test_keyboard(data) {
        keyClick(data.key)
        compare(approved.count, data.approve ? 1 : 0)
        compare(declined.count, data.approve ? 0 : 1)
    }
}
