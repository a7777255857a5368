import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CardLink.Terminal

// Readers and their state, the ATR decoded, the host link (echo test, log),
// the APDU trace with a filter, and the diagnostics bundle export.
Item {
    id: screen
    required property DiagnosticsController diagnostics
    required property ReaderStatus readers
    property string selectedReader: readers.reader

    RowLayout {
        anchors.fill: parent
        spacing: Theme.spacing * 2

        ColumnLayout {
            // Fixed: the right column's long texts (a bundle path) must not
            // squeeze the readers and host link headings.
            Layout.preferredWidth: 360
            Layout.minimumWidth: 360
            Layout.fillHeight: true
            spacing: Theme.spacing

            ScreenHeader { text: qsTr("Readers"); Layout.fillWidth: true }
            Label {
                text: screen.readers.stateText
                font.pixelSize: Theme.small
                color: Theme.muted
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
            }
            ListView {
                objectName: "readerList"
                Layout.fillWidth: true
                Layout.preferredHeight: 120
                clip: true
                model: screen.readers.readers
                delegate: ItemDelegate {
                    required property string name
                    required property bool cardPresent
                    width: ListView.view.width
                    highlighted: name === screen.selectedReader
                    text: name + " \u2014 " + (cardPresent ? qsTr("card") : qsTr("empty"))
                    font.pixelSize: Theme.small
                    onClicked: screen.selectedReader = name
                }
            }
            Label { text: qsTr("ATR"); font.pixelSize: Theme.normal; font.bold: true }
            ScrollView {
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.minimumHeight: 120
                TextArea {
                    objectName: "atrText"
                    readOnly: true
                    wrapMode: TextEdit.Wrap
                    font.family: "DejaVu Sans Mono"
                    font.pixelSize: 13
                    // Re-read when the reader's card changes.
                    text: screen.selectedReader.length === 0 ? qsTr("No reader.")
                          : (screen.readers.cardPresent, screen.diagnostics.readerAtr(screen.selectedReader))
                }
            }
            ScreenHeader { text: qsTr("Host link"); Layout.fillWidth: true }
            Label {
                objectName: "linkHost"
                text: Terminal.link.host.length > 0 ? Terminal.link.host : Terminal.link.stateText
                font.pixelSize: Theme.small
                color: Theme.muted
                Layout.fillWidth: true
                elide: Text.ElideRight
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing
                Button {
                    objectName: "echoButton"
                    text: qsTr("Echo test")
                    font.pixelSize: Theme.small
                    enabled: Terminal.link.host.length > 0 && !Terminal.link.echoRunning
                    onClicked: Terminal.link.echoTest()
                }
                Label {
                    objectName: "echoResult"
                    text: Terminal.link.echoText
                    font.pixelSize: Theme.small
                    Layout.fillWidth: true
                    elide: Text.ElideRight
                }
            }
            ListView {
                objectName: "linkLog"
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.minimumHeight: 80
                clip: true
                model: Terminal.link.log
                ScrollBar.vertical: ScrollBar {}
                onCountChanged: positionViewAtEnd()
                delegate: Label {
                    required property string time
                    required property string event
                    width: ListView.view.width
                    text: time + "  " + event
                    font.pixelSize: 12
                    wrapMode: Text.Wrap
                }
            }
        }
        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.spacing

            JournalView {
                Layout.fillWidth: true
                Layout.minimumHeight: 120
                Layout.maximumHeight: 160
            }
            ScreenHeader { text: qsTr("APDU trace"); Layout.fillWidth: true }
            // Filter and actions below the title: at 1024x600 the German
            // labels leave the title no room beside them.
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing
                TextField {
                    objectName: "traceFilter"
                    placeholderText: qsTr("Filter")
                    font.pixelSize: Theme.small
                    Layout.fillWidth: true
                    Layout.minimumWidth: 120
                    onTextChanged: screen.diagnostics.trace.filter = text
                }
                Button {
                    text: qsTr("Clear")
                    font.pixelSize: Theme.small
                    onClicked: screen.diagnostics.trace.clear()
                }
                Button {
                    objectName: "bundleButton"
                    text: qsTr("Export bundle")
                    font.pixelSize: Theme.small
                    onClicked: screen.diagnostics.exportBundle()
                }
            }
            Label {
                objectName: "bundleMessage"
                visible: text.length > 0
                text: screen.diagnostics.bundleMessage
                font.pixelSize: Theme.small
                color: Theme.muted
                Layout.fillWidth: true
                wrapMode: Text.WrapAnywhere
            }
            ListView {
                objectName: "traceList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                model: screen.diagnostics.trace
                ScrollBar.vertical: ScrollBar {}
                delegate: ColumnLayout {
                    required property string time
                    required property string command
                    required property string name
                    required property string status
                    required property double duration
                    required property bool failed
                    width: ListView.view.width
                    spacing: 0
                    Label {
                        text: time + "  " + name + "  " + duration.toFixed(2) + " ms"
                        font.pixelSize: Theme.small
                        font.bold: true
                        Layout.fillWidth: true
                        elide: Text.ElideRight
                    }
                    Label {
                        text: "> " + command
                        font.family: "DejaVu Sans Mono"
                        font.pixelSize: 13
                        Layout.fillWidth: true
                        elide: Text.ElideRight
                        LayoutMirroring.enabled: false
                    }
                    Label {
                        text: "< " + status
                        color: failed ? Theme.bad : Theme.muted
                        font.pixelSize: 13
                        Layout.fillWidth: true
                        elide: Text.ElideRight
                    }
                }
                Label {
                    anchors.centerIn: parent
                    visible: parent.count === 0
                    text: qsTr("No card commands yet.")
                    color: Theme.muted
                    font.pixelSize: Theme.normal
                }
            }
        }
    }
}
