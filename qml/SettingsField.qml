import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CardLink.Terminal

// A label, an editor slot and the validation message under it.
ColumnLayout {
    id: field
    property string label: ""
    property string error: ""
    default property alias editor: slot.data

    spacing: 4
    Layout.preferredWidth: 400
    Layout.alignment: Qt.AlignTop
    Layout.fillWidth: true
    Label {
        text: field.label
        font.pixelSize: Theme.small
        font.bold: true
        horizontalAlignment: Text.AlignLeft
        Layout.fillWidth: true
        elide: Text.ElideRight
    }
    Item {
        id: slot
        Layout.fillWidth: true
        implicitHeight: childrenRect.height
    }
    Label {
        objectName: "error"
        visible: field.error.length > 0
        text: field.error
        color: Theme.bad
        font.pixelSize: Theme.small
        wrapMode: Text.WordWrap
        horizontalAlignment: Text.AlignLeft
        Layout.fillWidth: true
    }
}
