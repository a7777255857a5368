import QtQuick
import QtTest
import CardLink.Terminal

TestCase {
    id: test
    name: "ReceiptScreen"
    when: windowShown
    // A TestCase is invisible by default (Qt 6.4): mouse events would not
    // reach the items made under it.
    visible: true
    width: 1024
    height: 600

    Component {
        id: screenComponent
        ReceiptScreen {
            width: 1024
            height: 600
            receipt: Terminal.checkout.receipt
        }
    }
    SignalSpy { id: done; signalName: "done" }

    property var screen

    function init() {
        screen = createTemporaryObject(screenComponent, test)
        done.target = screen
        done.clear()
        waitForRendering(screen)
    }

    function test_lines() {
        const list = findChild(screen, "receiptLines")
        compare(list.count, 14)
        compare(list.headerItem.text, "Test Shop")
        const receipt = Terminal.checkout.receipt
        let pan = ""
        for (let i = 0; i < list.count; ++i)
            if (receipt.data(receipt.index(i, 0), Receipt.LabelRole) === "Card")
                pan = receipt.data(receipt.index(i, 0), Receipt.ValueRole)
        compare(pan, "476173\u20260010")
    }

    function test_export_data() {
        return [{ tag: "text", button: "saveTextButton", file: "receipt-000007.txt" },
                { tag: "pdf", button: "savePdfButton", file: "receipt-000007.pdf" }]
    }
    function test_export(data) {
        mouseClick(findChild(screen, data.button))
        const status = findChild(screen, "receiptStatus").text
        verify(status.indexOf(data.file) >= 0, status)
    }

    function test_done() {
        mouseClick(findChild(screen, "doneButton"))
        compare(done.count, 1)
    }
}
