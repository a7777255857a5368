import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CardLink.Terminal

// Waiting for the card, with the reader's live state.
Item {
    id: view
    required property CheckoutController controller

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width, 640)
        spacing: Theme.spacing * 2

        Label {
            text: view.controller.amountText
            font.pixelSize: Theme.huge
            font.bold: true
            Layout.alignment: Qt.AlignHCenter
        }
        Label {
            objectName: "insertCard"
            text: qsTr("Insert card")
            font.pixelSize: Theme.large
            Layout.alignment: Qt.AlignHCenter
        }
        Label {
            objectName: "readerStateText"
            text: Terminal.readers.stateText
            color: Terminal.readers.state === ReaderStatus.NoService
                   || Terminal.readers.state === ReaderStatus.NoReader ? Theme.bad : Theme.muted
            font.pixelSize: Theme.normal
            wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignHCenter
            Layout.fillWidth: true
        }
        Button {
            text: qsTr("Cancel")
            font.pixelSize: Theme.normal
            Layout.alignment: Qt.AlignHCenter
            onClicked: view.controller.cancel()
        }
    }
}
