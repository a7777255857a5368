import QtQuick
import QtTest
import CardLink.Terminal

TestCase {
    id: test
    name: "PinScreen"
    when: windowShown
    // A TestCase is invisible by default (Qt 6.4): mouse events would not
    // reach the items made under it.
    visible: true
    width: 1024
    height: 600

    Component {
        id: screenComponent
        PinScreen {
            width: 1024
            height: 600
            amount: "12.34 EUR"
            pinPad: PinPad {}
        }
    }
    SignalSpy { id: submitted; signalName: "submitted" }
    SignalSpy { id: cancelled; signalName: "cancelled" }

    property var screen

    // Test functions run in alphabetical order: every one starts afresh.
    function init() {
        screen = createTemporaryObject(screenComponent, test)
        screen.pinPad.start(3)
        screen.forceActiveFocus()
        submitted.target = screen.pinPad
        cancelled.target = screen.pinPad
        submitted.clear()
        cancelled.clear()
        waitForRendering(screen)
    }

    function filledDots() {
        const row = findChild(screen, "pinDots")
        let filled = 0
        for (let i = 0; i < row.children.length; ++i)
            if (row.children[i].color !== undefined && row.children[i].color.a > 0)
                ++filled
        return filled
    }

    function press(digits) {
        for (const d of digits)
            mouseClick(findChild(screen, "key_" + d))
    }

    function test_dotsOnly() {
        press("1234")
        compare(screen.pinPad.length, 4)
        compare(filledDots(), 4)
        // The digits are nowhere on screen but on the keys themselves.
        const labels = ["pinAmount", "pinMessage", "triesLeft", "countdown"]
        for (const name of labels)
            verify(findChild(screen, name).text.indexOf("1234") < 0)
    }

    function test_keyboard() {
        keyClick(Qt.Key_5)
        keyClick(Qt.Key_6)
        compare(screen.pinPad.length, 2)
        keyClick(Qt.Key_Backspace)
        compare(screen.pinPad.length, 0)
        for (const k of [Qt.Key_1, Qt.Key_2, Qt.Key_3, Qt.Key_4])
            keyClick(k)
        keyClick(Qt.Key_Return)
        compare(submitted.count, 1)
    }

    function test_okNeedsFourDigits() {
        const ok = findChild(screen, "okKey")
        press("123")
        verify(!ok.enabled)
        press("4")
        verify(ok.enabled)
        mouseClick(ok)
        compare(submitted.count, 1)
    }

    function test_correctClears() {
        press("987")
        mouseClick(findChild(screen, "correctKey"))
        compare(screen.pinPad.length, 0)
        compare(filledDots(), 0)
    }

    function test_cancel() {
        press("1")
        mouseClick(findChild(screen, "cancelKey"))
        compare(cancelled.count, 1)
        verify(!screen.pinPad.active)
    }

    function test_triesAndCountdown() {
        verify(findChild(screen, "triesLeft").text.indexOf("3") >= 0)
        verify(findChild(screen, "countdown").text.indexOf(String(screen.pinPad.secondsLeft)) >= 0)
        tryVerify(() => screen.pinPad.secondsLeft < screen.pinPad.timeoutSeconds, 3000)
    }

    function test_shuffle() {
        mouseClick(findChild(screen, "shuffleBox"))
        verify(screen.pinPad.shuffled)
        for (let d = 0; d <= 9; ++d)
            verify(findChild(screen, "key_" + d), "key " + d)
    }
}
