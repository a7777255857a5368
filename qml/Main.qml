import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CardLink.Terminal

ApplicationWindow {
    id: window
    objectName: "mainWindow"
    width: 1024
    height: 600
    minimumWidth: 800
    minimumHeight: 480
    visible: true
    title: qsTr("CardLink terminal")
    color: Theme.background

    // start, checkout, receipt, diagnostics, settings, batch (from settings)
    property string mode: "start"
    readonly property var modes: ["start", "checkout", "receipt", "diagnostics", "settings", "batch"]

    Item {
        // A screen larger than 1024x600 shows the same layout zoomed (by the
        // smaller of the two ratios, 1.8 at 1920x1080), not a small layout in
        // a corner of it. Popups (combo box lists) keep their own size.
        readonly property real zoom: Math.max(1, Math.min(window.width / 1024,
                                                          window.height / 600))
        width: parent.width / zoom
        height: parent.height / zoom
        scale: zoom
        transformOrigin: Item.TopLeft
        // Hebrew: every layout below mirrors.
        LayoutMirroring.enabled: Terminal.language.rightToLeft
        LayoutMirroring.childrenInherit: true

        ColumnLayout {
            anchors.fill: parent
            spacing: 0

            StatusBar {
                Layout.fillWidth: true
                showBack: window.mode !== "start"
                onBack: window.mode = window.mode === "receipt" ? "checkout"
                                    : window.mode === "batch" ? "settings" : "start"
            }
            StackLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.margins: Theme.spacing
                currentIndex: window.modes.indexOf(window.mode)

                StartScreen {
                    onOpen: (mode) => window.mode = mode
                }
                CheckoutScreen {
                    controller: Terminal.checkout
                    active: window.mode === "checkout"
                    onReceiptRequested: window.mode = "receipt"
                }
                ReceiptScreen {
                    receipt: Terminal.checkout.receipt
                    onDone: {
                        Terminal.checkout.newSale()
                        window.mode = "checkout"
                    }
                }
                DiagnosticsScreen {
                    diagnostics: Terminal.diagnostics
                    readers: Terminal.readers
                }
                SettingsScreen {
                    settings: Terminal.settings
                    onBatchRequested: window.mode = "batch"
                }
                BatchScreen {
                    batch: Terminal.batch
                    focus: window.mode === "batch"
                    onDone: window.mode = "settings"
                }
            }
        }
    }
}
