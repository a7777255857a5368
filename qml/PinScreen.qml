import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CardLink.Terminal

// PIN entry: dots only, on-screen keypad (optionally shuffled) and the
// physical keyboard, tries left, a countdown, Cancel / Correct / OK.
// The digits stay in the PinPad (C++); this screen only sees how many.
FocusScope {
    id: screen
    required property PinPad pinPad
    property string amount: ""
    property string message: ""

    Keys.onPressed: (event) => { event.accepted = screen.pinPad.handleKey(event.key) }

    RowLayout {
        anchors.fill: parent
        spacing: Theme.spacing * 3

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.spacing

            Label {
                objectName: "pinAmount"
                horizontalAlignment: Text.AlignLeft
                text: screen.amount
                font.pixelSize: Theme.huge
                font.bold: true
                Layout.fillWidth: true
                elide: Text.ElideRight
            }
            ScreenHeader { text: qsTr("Enter PIN"); Layout.fillWidth: true }
            Row {
                objectName: "pinDots"
                spacing: Theme.spacing
                Layout.preferredHeight: 28
                Repeater {
                    model: Math.max(screen.pinPad.length, 4)
                    delegate: Rectangle {
                        required property int index
                        width: 24
                        height: 24
                        radius: 12
                        color: index < screen.pinPad.length ? Theme.text : "transparent"
                        border.color: Theme.muted
                        border.width: 2
                    }
                }
            }
            Label {
                objectName: "pinMessage"
                horizontalAlignment: Text.AlignLeft
                text: screen.message
                color: Theme.bad
                font.pixelSize: Theme.normal
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            Label {
                objectName: "triesLeft"
                horizontalAlignment: Text.AlignLeft
                // Always in the layout (a Layout misplaces items whose
                // visibility changes while it is hidden); empty when unknown.
                text: screen.pinPad.triesLeft >= 0 ? qsTr("%n tries left", "", screen.pinPad.triesLeft)
                                                   : ""
                color: screen.pinPad.triesLeft === 1 ? Theme.bad : Theme.muted
                font.pixelSize: Theme.normal
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
            }
            Label {
                objectName: "countdown"
                horizontalAlignment: Text.AlignLeft
                text: qsTr("%n seconds left", "", screen.pinPad.secondsLeft)
                color: screen.pinPad.secondsLeft <= 10 ? Theme.bad : Theme.muted
                font.pixelSize: Theme.small
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
            }
            Item { Layout.fillHeight: true }
            CheckBox {
                objectName: "shuffleBox"
                text: qsTr("Shuffle keys")
                checked: screen.pinPad.shuffled
                focusPolicy: Qt.NoFocus
                onToggled: screen.pinPad.shuffled = checked
            }
        }
        ColumnLayout {
            spacing: Theme.spacing
            Layout.alignment: Qt.AlignVCenter
            Keypad {
                id: keypad
                keys: screen.pinPad.keys.slice(0, 9).concat(["", screen.pinPad.keys[9], ""])
                onKeyPressed: (key) => screen.pinPad.pressDigit(parseInt(key))
            }
            RowLayout {
                objectName: "pinActions"
                spacing: Theme.spacing
                Layout.preferredWidth: keypad.implicitWidth
                Layout.maximumWidth: keypad.implicitWidth
                KeypadButton {
                    objectName: "cancelKey"
                    text: qsTr("Cancel")
                    font.pixelSize: Theme.small + 2
                    tint: "#f8d7da"
                    Layout.fillWidth: true
                    onClicked: screen.pinPad.cancel()
                }
                KeypadButton {
                    objectName: "correctKey"
                    text: qsTr("Correct")
                    font.pixelSize: Theme.small + 2
                    tint: "#fff3cd"
                    Layout.fillWidth: true
                    onClicked: screen.pinPad.correct()
                }
                KeypadButton {
                    objectName: "okKey"
                    text: qsTr("OK")
                    font.pixelSize: Theme.small + 2
                    tint: "#d1e7dd"
                    enabled: screen.pinPad.canSubmit
                    Layout.fillWidth: true
                    onClicked: screen.pinPad.submit()
                }
            }
        }
    }
}
