import QtQuick
import QtQuick.Controls
import CardLink.Terminal

// A numeric keypad. `keys` lists the keys in reading order, three a row; an
// empty string leaves a gap. Digits keep the phone order in every language,
// as on Hebrew and Arabic keypads, so this grid is never mirrored.
Grid {
    id: pad
    objectName: "keypad"
    property var keys: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "00", "0", "back"]
    property var labels: ({ "back": "\u232B" })
    signal keyPressed(string key)

    columns: 3
    spacing: Theme.spacing
    LayoutMirroring.enabled: false

    Repeater {
        model: pad.keys
        delegate: KeypadButton {
            objectName: "key_" + modelData
            text: pad.labels[modelData] !== undefined ? pad.labels[modelData] : modelData
            enabled: modelData !== ""
            opacity: modelData === "" ? 0 : 1
            onClicked: pad.keyPressed(modelData)
        }
    }
}
