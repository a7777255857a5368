import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CardLink.Terminal

// The journal browser (Terminal.journalBrowser): every sale with its state in
// words, newest first; Reprint puts the chosen record on a receipt copy.
ColumnLayout {
    id: view
    spacing: Theme.spacing / 2
    property string status

    Label {
        text: qsTr("Journal")
        font.pixelSize: Theme.normal
        font.bold: true
        Layout.fillWidth: true
    }
    ListView {
        id: records
        objectName: "journalList"
        Layout.fillWidth: true
        Layout.fillHeight: true
        Layout.minimumHeight: 80
        clip: true
        model: Terminal.journalBrowser
        ScrollBar.vertical: ScrollBar {}
        keyNavigationEnabled: true
        delegate: ItemDelegate {
            required property int index
            required property string state
            required property string amount
            required property string maskedPan
            required property string stan
            width: ListView.view.width
            highlighted: ListView.isCurrentItem
            text: stan + "  " + amount + "  " + maskedPan + "  " + state
            font.pixelSize: 12
            onClicked: records.currentIndex = index
        }
    }
    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacing
        Button {
            objectName: "reprintButton"
            text: qsTr("Reprint")
            font.pixelSize: Theme.small
            enabled: records.currentIndex >= 0 && records.count > 0
            onClicked: view.status = Terminal.reprint(records.currentIndex)
                       ? Terminal.journalReceipt.exportText() : qsTr("Nothing to reprint")
        }
        Label {
            objectName: "reprintStatus"
            text: view.status
            font.pixelSize: Theme.small
            Layout.fillWidth: true
            elide: Text.ElideRight
        }
    }
}
