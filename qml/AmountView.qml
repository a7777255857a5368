import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CardLink.Terminal

// Amount entry on the keypad or the keyboard (digits, Backspace, Enter).
FocusScope {
    id: view
    required property CheckoutController controller
    readonly property AmountEntry amount: controller.amount

    Keys.onPressed: (event) => { event.accepted = view.amount.handleKey(event.key) }

    RowLayout {
        anchors.fill: parent
        spacing: Theme.spacing * 3

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.spacing

            ScreenHeader { text: qsTr("Amount"); Layout.fillWidth: true }
            Label {
                objectName: "amountText"
                text: view.amount.text + " " + view.amount.currency
                font.pixelSize: Theme.huge
                font.bold: true
                color: Theme.text
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignRight
                LayoutMirroring.enabled: false
                fontSizeMode: Text.HorizontalFit
                minimumPixelSize: Theme.large
            }
            Label {
                text: qsTr("Type the amount, then press Pay.")
                color: Theme.muted
                font.pixelSize: Theme.small
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            Item { Layout.fillHeight: true }
            RowLayout {
                objectName: "amountActions"
                spacing: Theme.spacing
                Button {
                    objectName: "clearButton"
                    text: qsTr("Clear")
                    font.pixelSize: Theme.normal
                    focusPolicy: Qt.NoFocus
                    onClicked: view.amount.clear()
                }
                Button {
                    objectName: "payButton"
                    text: qsTr("Pay")
                    font.pixelSize: Theme.large
                    highlighted: true
                    enabled: view.amount.valid
                    focusPolicy: Qt.NoFocus
                    Layout.fillWidth: true
                    onClicked: view.controller.startPayment()
                }
            }
        }
        Keypad {
            Layout.alignment: Qt.AlignVCenter
            onKeyPressed: (key) => view.amount.press(key)
        }
    }
}
