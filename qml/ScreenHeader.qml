import QtQuick
import QtQuick.Controls
import CardLink.Terminal

// The title line of a screen.
Label {
    font.pixelSize: Theme.large
    font.bold: true
    color: Theme.text
    elide: Text.ElideRight
    horizontalAlignment: Text.AlignLeft
}
