import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CardLink.Terminal

// The modes of the terminal. Home order and Authenticate join later.
Item {
    id: screen
    signal open(string mode)

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width, 720)
        spacing: Theme.spacing * 2

        ScreenHeader {
            text: qsTr("What do you want to do?")
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
        }
        GridLayout {
            objectName: "modeButtons"
            columns: 3
            Layout.fillWidth: true
            columnSpacing: Theme.spacing * 2
            rowSpacing: Theme.spacing * 2

            Repeater {
                model: [
                    { mode: "checkout", title: qsTr("Checkout"), hint: qsTr("Take a card payment") },
                    { mode: "diagnostics", title: qsTr("Diagnostics"), hint: qsTr("Readers, ATR, APDU trace") },
                    { mode: "settings", title: qsTr("Settings"), hint: qsTr("Host, terminal, language") }
                ]
                delegate: Button {
                    objectName: "mode_" + modelData.mode
                    Layout.fillWidth: true
                    Layout.preferredHeight: 160
                    focusPolicy: Qt.StrongFocus
                    onClicked: screen.open(modelData.mode)
                    contentItem: ColumnLayout {
                        spacing: Theme.spacing
                        Label {
                            text: modelData.title
                            font.pixelSize: Theme.large
                            font.bold: true
                            Layout.fillWidth: true
                            horizontalAlignment: Text.AlignHCenter
                            elide: Text.ElideRight
                        }
                        Label {
                            text: modelData.hint
                            font.pixelSize: Theme.small
                            color: Theme.muted
                            Layout.fillWidth: true
                            horizontalAlignment: Text.AlignHCenter
                            wrapMode: Text.WordWrap
                        }
                    }
                }
            }
        }
    }
}
