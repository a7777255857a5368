import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CardLink.Terminal

// Always visible: back to the start screen, reader state and host link state.
Rectangle {
    id: bar
    property bool showBack: false
    signal back()

    implicitHeight: 52
    color: Theme.bar

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: Theme.spacing
        anchors.rightMargin: Theme.spacing
        spacing: Theme.spacing * 2

        Button {
            objectName: "backButton"
            visible: bar.showBack
            text: qsTr("Back")
            font.pixelSize: Theme.normal
            onClicked: bar.back()
        }
        Label {
            text: qsTr("CardLink")
            color: Theme.barText
            font.pixelSize: Theme.normal
            font.bold: true
        }
        Item { Layout.fillWidth: true }
        Label {
            objectName: "readerState"
            text: Terminal.readers.stateText
            color: Terminal.readers.cardPresent ? "#7ee787" : Theme.barText
            font.pixelSize: Theme.small
            elide: Text.ElideRight
            Layout.maximumWidth: bar.width * 0.35
        }
        Label {
            objectName: "linkState"
            text: Terminal.link.stateText
            color: Theme.barText
            font.pixelSize: Theme.small
            elide: Text.ElideRight
            Layout.maximumWidth: bar.width * 0.3
        }
    }
}
