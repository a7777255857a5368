import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CardLink.Terminal

// The checkout: one view per state of the controller.
Item {
    id: screen
    required property CheckoutController controller
    property bool active: true
    // The line items editor over the amount entry.
    property bool editingItems: false
    onActiveChanged: if (!active) editingItems = false
    signal receiptRequested()

    StackLayout {
        anchors.fill: parent
        currentIndex: {
            switch (screen.controller.state) {
            case CheckoutController.EnterAmount: return screen.editingItems ? 7 : 0
            case CheckoutController.InsertCard: return 1
            case CheckoutController.Processing: return 2
            case CheckoutController.ChooseApplication: return 3
            case CheckoutController.Approve: return 4
            case CheckoutController.EnterPin: return 5
            default: return 6
            }
        }

        AmountView {
            objectName: "amountView"
            controller: screen.controller
            focus: screen.active && screen.controller.state === CheckoutController.EnterAmount
                   && !screen.editingItems
            onItemsRequested: screen.editingItems = true
        }
        InsertCardView { controller: screen.controller }
        ProgressView { controller: screen.controller }
        ApplicationChoiceView { controller: screen.controller }
        ApprovalScreen {
            title: screen.controller.approvalTitle
            amount: screen.controller.approvalDetail
            merchant: screen.controller.merchant
            items: screen.controller.items.summary
            onApproved: screen.controller.approve()
            onDeclined: screen.controller.decline()
        }
        PinScreen {
            pinPad: screen.controller.pinPad
            amount: screen.controller.amountText
            message: screen.controller.message
            focus: screen.active && screen.controller.state === CheckoutController.EnterPin
        }
        ResultView {
            controller: screen.controller
            onReceiptRequested: screen.receiptRequested()
        }
        ItemsView {
            objectName: "itemsView"
            items: screen.controller.items
            focus: screen.active && screen.controller.state === CheckoutController.EnterAmount
                   && screen.editingItems
            onDone: screen.editingItems = false
        }
    }
}
