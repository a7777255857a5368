import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CardLink.Terminal

// The sale's optional line items: description, quantity, unit price; their
// total becomes the amount. Keyboard: Tab between the fields, Enter adds the
// item, Delete removes the selected one, Escape goes back to the amount.
FocusScope {
    id: view
    required property LineItems items
    signal done()

    Keys.onEscapePressed: view.done()

    function addItem() {
        if (view.items.add(description.text, quantity.text, price.text)) {
            description.text = ""
            quantity.text = "1"
            price.text = ""
            itemList.currentIndex = itemList.count - 1
        }
        description.forceActiveFocus()
    }

    onActiveFocusChanged: if (activeFocus) description.forceActiveFocus()

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        ScreenHeader { text: qsTr("Line items"); Layout.fillWidth: true }
        RowLayout {
            objectName: "itemForm"
            spacing: Theme.spacing
            Layout.fillWidth: true
            TextField {
                id: description
                objectName: "itemDescription"
                placeholderText: qsTr("Description")
                font.pixelSize: Theme.normal
                maximumLength: 40
                Layout.fillWidth: true
                Keys.onReturnPressed: view.addItem()
                Keys.onEnterPressed: view.addItem()
                KeyNavigation.tab: quantity
            }
            TextField {
                id: quantity
                objectName: "itemQuantity"
                text: "1"
                placeholderText: qsTr("Qty")
                font.pixelSize: Theme.normal
                inputMethodHints: Qt.ImhDigitsOnly
                horizontalAlignment: Text.AlignRight
                LayoutMirroring.enabled: false
                Layout.preferredWidth: 90
                Keys.onReturnPressed: view.addItem()
                Keys.onEnterPressed: view.addItem()
                KeyNavigation.tab: price
            }
            TextField {
                id: price
                objectName: "itemPrice"
                placeholderText: qsTr("Unit price")
                font.pixelSize: Theme.normal
                inputMethodHints: Qt.ImhFormattedNumbersOnly
                horizontalAlignment: Text.AlignRight
                LayoutMirroring.enabled: false
                Layout.preferredWidth: 160
                Keys.onReturnPressed: view.addItem()
                Keys.onEnterPressed: view.addItem()
                KeyNavigation.tab: addButton
            }
            Button {
                id: addButton
                objectName: "addItemButton"
                text: qsTr("Add")
                font.pixelSize: Theme.normal
                highlighted: true
                onClicked: view.addItem()
                Keys.onReturnPressed: view.addItem()
                KeyNavigation.tab: itemList
            }
        }
        Label {
            objectName: "itemError"
            visible: text.length > 0
            text: view.items.error
            color: Theme.bad
            font.pixelSize: Theme.small
            wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignLeft
            Layout.fillWidth: true
        }
        ListView {
            id: itemList
            objectName: "itemList"
            model: view.items
            clip: true
            Layout.fillWidth: true
            Layout.fillHeight: true
            keyNavigationEnabled: true
            activeFocusOnTab: true
            highlight: Rectangle { color: "#dbe7fb"; radius: 4 }
            highlightMoveDuration: 0
            Keys.onDeletePressed: view.items.remove(itemList.currentIndex)
            KeyNavigation.tab: doneButton
            delegate: RowLayout {
                required property int index
                required property string description
                required property int quantity
                required property string unitPriceText
                required property string lineTotalText
                width: itemList.width
                spacing: Theme.spacing
                Label {
                    text: qsTr("%1 × %2").arg(quantity).arg(description)
                    font.pixelSize: Theme.normal
                    elide: Text.ElideRight
                    horizontalAlignment: Text.AlignLeft
                    Layout.fillWidth: true
                }
                Label {
                    text: qsTr("@ %1").arg(unitPriceText)
                    color: Theme.muted
                    font.pixelSize: Theme.small
                    LayoutMirroring.enabled: false
                }
                Label {
                    text: lineTotalText
                    font.pixelSize: Theme.normal
                    font.bold: true
                    horizontalAlignment: Text.AlignRight
                    LayoutMirroring.enabled: false
                    Layout.preferredWidth: 140
                }
                Button {
                    objectName: "removeItem_" + index
                    text: qsTr("Remove")
                    font.pixelSize: Theme.small
                    focusPolicy: Qt.NoFocus
                    onClicked: view.items.remove(index)
                }
            }
        }
        RowLayout {
            objectName: "itemsActions"
            spacing: Theme.spacing
            Layout.fillWidth: true
            Label {
                objectName: "itemsTotal"
                // The amount stays "8.20 GBP" inside a right-to-left text.
                text: qsTr("Total: %1").arg("\u2066" + view.items.totalText + "\u2069")
                font.pixelSize: Theme.large
                font.bold: true
                horizontalAlignment: Text.AlignLeft
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Button {
                objectName: "clearItemsButton"
                text: qsTr("Remove all")
                font.pixelSize: Theme.normal
                enabled: view.items.count > 0
                onClicked: view.items.clear()
            }
            Button {
                id: doneButton
                objectName: "itemsDoneButton"
                text: qsTr("Done")
                font.pixelSize: Theme.normal
                highlighted: true
                onClicked: view.done()
                Keys.onReturnPressed: view.done()
            }
        }
    }
}
