import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CardLink.Terminal

// What is being approved, in large type, with Approve / Decline. Serves the
// checkout now and home orders and issuer-initiated transactions later.
FocusScope {
    id: screen
    property string title: ""
    property string amount: ""
    property string merchant: ""
    property var items: []
    property date date: new Date()
    signal approved()
    signal declined()

    Keys.onReturnPressed: screen.approved()
    Keys.onEnterPressed: screen.approved()
    Keys.onEscapePressed: screen.declined()
    Keys.onUpPressed: itemList.flick(0, 800)
    Keys.onDownPressed: itemList.flick(0, -800)

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width, 800)
        spacing: Theme.spacing * 1.5

        ScreenHeader {
            objectName: "approvalTitle"
            text: screen.title
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
        }
        Label {
            objectName: "approvalAmount"
            text: screen.amount
            font.pixelSize: Theme.huge * 1.2
            font.bold: true
            Layout.alignment: Qt.AlignHCenter
            fontSizeMode: Text.HorizontalFit
            minimumPixelSize: Theme.large
            Layout.maximumWidth: parent.width
        }
        Label {
            objectName: "approvalMerchant"
            text: qsTr("To: %1").arg(screen.merchant)
            visible: screen.merchant.length > 0
            font.pixelSize: Theme.large
            elide: Text.ElideRight
            Layout.alignment: Qt.AlignHCenter
            Layout.maximumWidth: parent.width
        }
        ListView {
            id: itemList
            objectName: "approvalItems"
            model: screen.items
            visible: count > 0
            clip: true
            interactive: contentHeight > height
            // At most four lines; more scroll (the arrow keys too).
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(contentHeight, Theme.normal * 1.6 * 4)
            delegate: Label {
                required property string modelData
                width: ListView.view.width
                text: modelData
                font.pixelSize: Theme.normal
                elide: Text.ElideRight
                horizontalAlignment: Text.AlignHCenter
            }
        }
        Label {
            objectName: "approvalDate"
            text: screen.date.toLocaleString(Qt.locale(Terminal.language.language),
                                             Locale.ShortFormat)
            color: Theme.muted
            font.pixelSize: Theme.normal
            Layout.alignment: Qt.AlignHCenter
        }
        RowLayout {
            objectName: "approvalActions"
            Layout.alignment: Qt.AlignHCenter
            spacing: Theme.spacing * 3
            Button {
                objectName: "declineButton"
                text: qsTr("Decline")
                font.pixelSize: Theme.large
                Layout.preferredWidth: 220
                Layout.preferredHeight: 72
                onClicked: screen.declined()
            }
            Button {
                objectName: "approveButton"
                text: qsTr("Approve")
                highlighted: true
                font.pixelSize: Theme.large
                Layout.preferredWidth: 220
                Layout.preferredHeight: 72
                onClicked: screen.approved()
            }
        }
    }
}
