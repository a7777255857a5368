import QtQuick
import QtTest
import CardLink.Terminal

// The batch close screen of the test terminal (no terminal bundle): says in
// words why it cannot close, keeps Close batch disabled, Escape goes back.
// The 0500 itself, its mismatch and its close are in tst_e2e_batch.
TestCase {
    id: test
    name: "BatchScreen"
    when: windowShown
    visible: true
    width: 1024
    height: 600

    Component {
        id: screenComponent
        BatchScreen {
            width: 1024
            height: 600
            batch: Terminal.batch
        }
    }
    SignalSpy { id: done; signalName: "done" }

    property var screen

    function init() {
        screen = createTemporaryObject(screenComponent, test)
        screen.forceActiveFocus()
        done.target = screen
        done.clear()
        waitForRendering(screen)
    }

    function test_unavailableInWords() {
        compare(Terminal.batch.state, BatchController.Unavailable)
        compare(findChild(screen, "batchTitle").text, "Batch close is not available")
        verify(findChild(screen, "batchDetail").text.indexOf("terminal bundle") >= 0)
        verify(!findChild(screen, "closeBatchButton").enabled)
        keyClick(Qt.Key_Return)
        compare(Terminal.batch.state, BatchController.Unavailable)
    }

    function test_back_data() {
        return [{ tag: "escape", key: Qt.Key_Escape }, { tag: "button", key: 0 }]
    }
    function test_back(data) {
        if (data.key)
            keyClick(data.key)
        else
            mouseClick(findChild(screen, "batchDoneButton"))
        compare(done.count, 1)
    }
}
