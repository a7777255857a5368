pragma Singleton
import QtQuick

// Colours and sizes of the terminal UI, readable at 1024x600.
QtObject {
    readonly property color background: "#f4f6f8"
    readonly property color surface: "#ffffff"
    readonly property color text: "#1d2733"
    readonly property color muted: "#5b6b7c"
    readonly property color accent: "#1f6feb"
    readonly property color ok: "#1a7f37"
    readonly property color bad: "#c62828"
    readonly property color warn: "#b26a00"
    readonly property color bar: "#1d2733"
    readonly property color barText: "#ffffff"
    readonly property int small: 15
    readonly property int normal: 19
    readonly property int large: 28
    readonly property int huge: 46
    readonly property int spacing: 12
    readonly property int keySize: 76
}
