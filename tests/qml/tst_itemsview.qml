import QtQuick
import QtTest
import CardLink.Terminal

// The checkout's line items by keyboard only: + from the amount opens the
// editor, Tab moves between description, quantity and unit price, Enter
// adds, a refused item shows why, Delete removes the selected item, Escape
// goes back to the amount, which is now the items' total.
TestCase {
    id: test
    name: "ItemsView"
    when: windowShown
    visible: true
    width: 1024
    height: 600

    Component {
        id: screenComponent
        CheckoutScreen {
            width: 1024
            height: 600
            controller: Terminal.checkout
        }
    }

    property var screen
    readonly property var checkout: Terminal.checkout

    function init() {
        checkout.newSale()
        screen = createTemporaryObject(screenComponent, test)
        waitForRendering(screen)
        findChild(screen, "amountView").forceActiveFocus()
    }

    function typeText(text) {
        for (let i = 0; i < text.length; ++i)
            keyClick(text[i])
    }

    function openEditor() {
        keyClick(Qt.Key_Plus)
        verify(screen.editingItems)
        const description = findChild(screen, "itemDescription")
        tryVerify(() => description.activeFocus)
    }

    function addByKeyboard(description, quantity, price) {
        typeText(description)
        keyClick(Qt.Key_Tab)
        keyClick(Qt.Key_A, Qt.ControlModifier)
        typeText(quantity)
        keyClick(Qt.Key_Tab)
        typeText(price)
        keyClick(Qt.Key_Return)
    }

    function test_keyboardOnly() {
        openEditor()
        addByKeyboard("Coffee", "2", "2.50")
        addByKeyboard("Cake", "1", "3.20")
        compare(checkout.items.count, 2)
        compare(findChild(screen, "itemsTotal").text, "Total: \u20668.20 GBP\u2069")
        compare(findChild(screen, "itemError").text, "")
        // The form is empty again with the focus in the description.
        compare(findChild(screen, "itemDescription").text, "")
        verify(findChild(screen, "itemDescription").activeFocus)

        // Delete removes the selected (last added) item.
        const list = findChild(screen, "itemList")
        list.forceActiveFocus()
        compare(list.currentIndex, 1)
        keyClick(Qt.Key_Delete)
        compare(checkout.items.count, 1)

        keyClick(Qt.Key_Escape)
        verify(!screen.editingItems)
        tryVerify(() => findChild(screen, "amountView").activeFocus)
        compare(checkout.amount.minorUnits, 500)
        verify(checkout.amount.fixed)
        compare(findChild(screen, "amountText").text, "5.00 GBP")
        // Typing does not change a total of items.
        keyClick(Qt.Key_9)
        compare(checkout.amount.minorUnits, 500)
        // Escape on the amount clears items and amount.
        keyClick(Qt.Key_Escape)
        compare(checkout.items.count, 0)
        compare(checkout.amount.minorUnits, 0)
    }

    function test_refusedWithMessage_data() {
        return [{ tag: "no-description", description: "", quantity: "1", price: "1.00",
                  message: "description" },
                { tag: "zero-quantity", description: "Tea", quantity: "0", price: "1.00",
                  message: "at least 1" },
                { tag: "overflow", description: "Car", quantity: "9999", price: "99999.99",
                  message: "the most one sale can take" }]
    }
    function test_refusedWithMessage(data) {
        openEditor()
        addByKeyboard(data.description, data.quantity, data.price)
        compare(checkout.items.count, 0)
        const error = findChild(screen, "itemError")
        verify(error.visible)
        verify(error.text.indexOf(data.message) >= 0, error.text)
        keyClick(Qt.Key_Escape)
        compare(checkout.amount.minorUnits, 0)
    }

    function test_buttons() {
        mouseClick(findChild(screen, "itemsButton"))
        verify(screen.editingItems)
        findChild(screen, "itemDescription").text = "Bread"
        findChild(screen, "itemPrice").text = "1.10"
        mouseClick(findChild(screen, "addItemButton"))
        compare(checkout.items.count, 1)
        mouseClick(findChild(screen, "removeItem_0"))
        compare(checkout.items.count, 0)
        mouseClick(findChild(screen, "itemsDoneButton"))
        verify(!screen.editingItems)
    }
}
