import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CardLink.Terminal

// Amount entry on the keypad or the keyboard (digits, Backspace, Enter), or
// the total of line items (the Items button or +).
FocusScope {
    id: view
    required property CheckoutController controller
    readonly property AmountEntry amount: controller.amount
    signal itemsRequested()

    Keys.onPressed: (event) => {
        if (event.key === Qt.Key_Plus) {
            view.itemsRequested()
            event.accepted = true
        } else if (event.key === Qt.Key_Escape || event.key === Qt.Key_Delete) {
            view.controller.clearAmount()
            event.accepted = true
        } else {
            event.accepted = view.amount.handleKey(event.key)
        }
    }

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
                objectName: "amountHint"
                text: view.amount.fixed ? qsTr("The amount is the total of the items.")
                                        : qsTr("Type the amount, then press Pay. + adds line items.")
                color: Theme.muted
                font.pixelSize: Theme.small
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            ListView {
                objectName: "amountItems"
                model: view.controller.items.summary
                clip: true
                interactive: false
                Layout.fillWidth: true
                Layout.fillHeight: true
                delegate: Label {
                    required property string modelData
                    width: ListView.view.width
                    text: modelData
                    font.pixelSize: Theme.small
                    elide: Text.ElideRight
                    horizontalAlignment: Text.AlignLeft
                }
            }
            RowLayout {
                objectName: "amountActions"
                spacing: Theme.spacing
                Button {
                    objectName: "clearButton"
                    text: qsTr("Clear")
                    font.pixelSize: Theme.normal
                    focusPolicy: Qt.NoFocus
                    onClicked: view.controller.clearAmount()
                }
                Button {
                    objectName: "itemsButton"
                    text: view.controller.items.count > 0
                          ? qsTr("Items (%1)").arg(view.controller.items.count)
                          : qsTr("Add items")
                    font.pixelSize: Theme.normal
                    focusPolicy: Qt.NoFocus
                    onClicked: view.itemsRequested()
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
            enabled: !view.amount.fixed
            Layout.alignment: Qt.AlignVCenter
            onKeyPressed: (key) => view.amount.press(key)
        }
    }
}
