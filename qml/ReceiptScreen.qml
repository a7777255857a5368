import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CardLink.Terminal

// The receipt on screen, with export to text and PDF.
Item {
    id: screen
    required property Receipt receipt
    property string status: ""
    signal done()

    RowLayout {
        anchors.fill: parent
        spacing: Theme.spacing * 2

        Rectangle {
            Layout.preferredWidth: 520
            Layout.fillHeight: true
            color: Theme.surface
            border.color: "#d0d7de"
            ListView {
                id: lines
                objectName: "receiptLines"
                anchors.fill: parent
                anchors.margins: Theme.spacing
                clip: true
                model: screen.receipt
                header: Label {
                    width: lines.width
                    text: screen.receipt.header
                    font.pixelSize: Theme.normal
                    font.bold: true
                    horizontalAlignment: Text.AlignHCenter
                    elide: Text.ElideRight
                    bottomPadding: Theme.spacing
                }
                delegate: RowLayout {
                    required property string label
                    required property string value
                    width: lines.width
                    Label {
                        text: label
                        color: Theme.muted
                        font.pixelSize: Theme.small
                        Layout.preferredWidth: 150
                        horizontalAlignment: Text.AlignLeft
                        elide: Text.ElideRight
                    }
                    Label {
                        text: value
                        font.pixelSize: Theme.small
                        font.family: "DejaVu Sans Mono"
                        horizontalAlignment: Text.AlignLeft
                        Layout.fillWidth: true
                        elide: Text.ElideRight
                    }
                }
            }
        }
        ColumnLayout {
            Layout.fillWidth: true
            Layout.alignment: Qt.AlignTop
            spacing: Theme.spacing
            ScreenHeader { text: qsTr("Receipt"); Layout.fillWidth: true }
            Button {
                objectName: "saveTextButton"
                text: qsTr("Save as text")
                font.pixelSize: Theme.normal
                Layout.fillWidth: true
                onClicked: screen.status = screen.receipt.exportText()
            }
            Button {
                objectName: "savePdfButton"
                text: qsTr("Save as PDF")
                font.pixelSize: Theme.normal
                Layout.fillWidth: true
                onClicked: screen.status = screen.receipt.exportPdf()
            }
            Label {
                objectName: "receiptStatus"
                text: screen.status
                wrapMode: Text.WrapAnywhere
                font.pixelSize: Theme.small
                Layout.fillWidth: true
            }
            Button {
                objectName: "doneButton"
                text: qsTr("Done")
                highlighted: true
                font.pixelSize: Theme.normal
                Layout.fillWidth: true
                onClicked: screen.done()
            }
        }
    }
}
