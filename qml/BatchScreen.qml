import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CardLink.Terminal

// Batch close: the open batch's totals, the 0500 to the host, and the result
// in words; when the host disagrees, its totals beside the terminal's.
// Keyboard: Enter closes the batch, Escape goes back.
FocusScope {
    id: screen
    required property BatchController batch
    signal done()

    Keys.onReturnPressed: if (screen.batch.canClose) screen.batch.closeBatch()
    Keys.onEnterPressed: if (screen.batch.canClose) screen.batch.closeBatch()
    Keys.onEscapePressed: screen.done()
    onVisibleChanged: if (visible) screen.batch.refresh()

    readonly property color resultColor: {
        switch (screen.batch.state) {
        case BatchController.Closed: return Theme.ok
        case BatchController.Mismatch: return Theme.warn
        case BatchController.Failed:
        case BatchController.Unavailable: return Theme.bad
        default: return Theme.text
        }
    }

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width, 820)
        spacing: Theme.spacing * 1.5

        ScreenHeader {
            objectName: "batchTitle"
            text: screen.batch.title
            color: screen.resultColor
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
        }
        Label {
            objectName: "batchDetail"
            text: screen.batch.detail
            visible: text.length > 0
            font.pixelSize: Theme.normal
            wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignHCenter
            Layout.fillWidth: true
        }
        BusyIndicator {
            running: screen.batch.state === BatchController.Running
            visible: running
            Layout.alignment: Qt.AlignHCenter
        }
        GridLayout {
            objectName: "batchTotals"
            columns: 2
            columnSpacing: Theme.spacing * 2
            rowSpacing: Theme.spacing
            visible: screen.batch.terminalTotals.length > 0
            Layout.alignment: Qt.AlignHCenter
            Label {
                text: qsTr("Terminal")
                color: Theme.muted
                font.pixelSize: Theme.normal
            }
            Label {
                objectName: "terminalTotals"
                text: screen.batch.terminalTotals
                font.pixelSize: Theme.normal
                font.bold: true
                horizontalAlignment: Text.AlignLeft
                Layout.fillWidth: true
            }
            Label {
                text: qsTr("Host")
                color: Theme.muted
                font.pixelSize: Theme.normal
                visible: hostTotals.visible
            }
            Label {
                id: hostTotals
                objectName: "hostTotals"
                text: screen.batch.hostTotals
                visible: text.length > 0
                font.pixelSize: Theme.normal
                font.bold: true
                horizontalAlignment: Text.AlignLeft
                Layout.fillWidth: true
            }
        }
        RowLayout {
            objectName: "batchActions"
            Layout.alignment: Qt.AlignHCenter
            spacing: Theme.spacing * 3
            Button {
                objectName: "batchDoneButton"
                text: qsTr("Back")
                font.pixelSize: Theme.large
                Layout.preferredWidth: Math.max(220, implicitWidth)
                Layout.preferredHeight: 72
                onClicked: screen.done()
            }
            Button {
                objectName: "closeBatchButton"
                text: qsTr("Close batch")
                highlighted: true
                enabled: screen.batch.canClose
                font.pixelSize: Theme.large
                Layout.preferredWidth: Math.max(260, implicitWidth)
                Layout.preferredHeight: 72
                onClicked: screen.batch.closeBatch()
            }
        }
    }
}
