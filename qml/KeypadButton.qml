import QtQuick
import QtQuick.Controls
import CardLink.Terminal

// One key of a keypad; it never takes the keyboard focus away from the screen.
Button {
    property color tint: Theme.surface
    implicitWidth: Theme.keySize * 1.3
    implicitHeight: Theme.keySize
    font.pixelSize: Theme.large
    leftPadding: 4
    rightPadding: 4
    focusPolicy: Qt.NoFocus
    background: Rectangle {
        radius: 8
        color: parent.down ? Qt.darker(parent.tint, 1.2) : parent.tint
        border.color: "#c9d1d9"
        opacity: parent.enabled ? 1 : 0.4
    }
}
