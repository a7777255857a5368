import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CardLink.Terminal

// Approved, declined with the reason, or a card error with what to do.
Item {
    id: view
    required property CheckoutController controller
    signal receiptRequested()

    readonly property color tone: {
        switch (controller.resultKind) {
        case CheckoutController.Approved: return Theme.ok
        case CheckoutController.Declined: return Theme.bad
        case CheckoutController.CardError: return Theme.warn
        default: return Theme.muted
        }
    }

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width, 760)
        spacing: Theme.spacing * 1.5

        Label {
            objectName: "resultTitle"
            text: view.controller.resultTitle
            color: view.tone
            font.pixelSize: Theme.huge
            font.bold: true
            Layout.alignment: Qt.AlignHCenter
        }
        Label {
            text: view.controller.amountText
            font.pixelSize: Theme.large
            Layout.alignment: Qt.AlignHCenter
        }
        Label {
            objectName: "resultDetail"
            text: view.controller.resultDetail
            font.pixelSize: Theme.normal
            wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignHCenter
            Layout.fillWidth: true
        }
        Label {
            objectName: "resultAction"
            visible: text.length > 0
            text: view.controller.resultAction
            font.pixelSize: Theme.normal
            font.bold: true
            wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignHCenter
            Layout.fillWidth: true
        }
        RowLayout {
            objectName: "resultActions"
            Layout.alignment: Qt.AlignHCenter
            spacing: Theme.spacing * 2
            Button {
                objectName: "receiptButton"
                text: qsTr("Receipt")
                font.pixelSize: Theme.normal
                enabled: view.controller.receipt.available
                onClicked: view.receiptRequested()
            }
            Button {
                objectName: "newSaleButton"
                text: qsTr("New sale")
                highlighted: true
                font.pixelSize: Theme.normal
                onClicked: view.controller.newSale()
            }
        }
    }
}
