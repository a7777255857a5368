import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CardLink.Terminal

// Host address, link type, terminal ID, language, receipt header; checked
// by the controller with a message per field.
Item {
    id: screen
    required property SettingsController settings
    property string status: ""
    signal batchRequested()

    GridLayout {
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        columns: 2
        columnSpacing: Theme.spacing * 3
        rowSpacing: Theme.spacing

        ScreenHeader { text: qsTr("Settings"); Layout.columnSpan: 2; Layout.fillWidth: true }

        SettingsField {
            label: qsTr("Host address")
            error: screen.settings.errors.hostAddress || ""
            Layout.fillWidth: true
            TextField {
                objectName: "hostAddress"
                width: parent.width
                font.pixelSize: Theme.normal
                text: screen.settings.hostAddress
                onEditingFinished: screen.settings.hostAddress = text
                LayoutMirroring.enabled: false
            }
        }
        SettingsField {
            label: qsTr("Link")
            error: screen.settings.errors.linkType || ""
            Layout.fillWidth: true
            ComboBox {
                objectName: "linkType"
                width: parent.width
                font.pixelSize: Theme.normal
                model: [qsTr("TLS over TCP"), qsTr("Modem"), qsTr("Audio tones")]
                currentIndex: screen.settings.linkTypes.indexOf(screen.settings.linkType)
                onActivated: (index) => screen.settings.linkType = screen.settings.linkTypes[index]
            }
        }
        SettingsField {
            label: qsTr("Terminal ID")
            error: screen.settings.errors.terminalId || ""
            Layout.fillWidth: true
            TextField {
                objectName: "terminalId"
                width: parent.width
                font.pixelSize: Theme.normal
                text: screen.settings.terminalId
                onEditingFinished: screen.settings.terminalId = text
            }
        }
        SettingsField {
            label: qsTr("Language")
            error: screen.settings.errors.language || ""
            Layout.fillWidth: true
            ComboBox {
                objectName: "language"
                width: parent.width
                font.pixelSize: Theme.normal
                model: screen.settings.languages.map((code) => Terminal.language.nativeName(code))
                currentIndex: screen.settings.languages.indexOf(screen.settings.language)
                onActivated: (index) => screen.settings.language = screen.settings.languages[index]
            }
        }
        SettingsField {
            label: qsTr("Receipt header")
            error: screen.settings.errors.receiptHeader || ""
            Layout.columnSpan: 2
            Layout.fillWidth: true
            TextField {
                objectName: "receiptHeader"
                width: parent.width
                font.pixelSize: Theme.normal
                text: screen.settings.receiptHeader
                onEditingFinished: screen.settings.receiptHeader = text
            }
        }
        SettingsField {
            label: qsTr("Terminal bundle")
            error: screen.settings.errors.terminalBundle || ""
            Layout.columnSpan: 2
            Layout.fillWidth: true
            TextField {
                objectName: "terminalBundle"
                width: parent.width
                font.pixelSize: Theme.normal
                placeholderText: qsTr("none: no host link")
                text: screen.settings.terminalBundle
                onEditingFinished: screen.settings.terminalBundle = text
                LayoutMirroring.enabled: false
            }
        }
        RowLayout {
            Layout.columnSpan: 2
            spacing: Theme.spacing
            Button {
                objectName: "saveButton"
                text: qsTr("Save")
                highlighted: true
                font.pixelSize: Theme.normal
                onClicked: screen.status = screen.settings.save() ? qsTr("Saved.")
                                                                  : qsTr("Please correct the marked fields.")
            }
            Button {
                objectName: "revertButton"
                text: qsTr("Undo changes")
                font.pixelSize: Theme.normal
                onClicked: { screen.settings.revert(); screen.status = "" }
            }
            Button {
                objectName: "batchButton"
                text: qsTr("Close batch…")
                font.pixelSize: Theme.normal
                onClicked: screen.batchRequested()
            }
            Label {
                objectName: "settingsStatus"
                text: screen.status
                font.pixelSize: Theme.normal
                Layout.fillWidth: true
                elide: Text.ElideRight
            }
        }
    }
}
