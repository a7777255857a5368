import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CardLink.Terminal

// The card offers several applications: the customer picks one
// (EMV 4.4 Book 1, 12.4).
Item {
    id: view
    required property CheckoutController controller

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width, 600)
        spacing: Theme.spacing

        ScreenHeader { text: qsTr("Choose how to pay"); Layout.fillWidth: true }
        Repeater {
            model: view.controller.applications
            delegate: Button {
                required property int index
                required property string modelData
                objectName: "application_" + index
                text: modelData.length > 0 ? modelData : qsTr("Application %1").arg(index + 1)
                font.pixelSize: Theme.large
                Layout.fillWidth: true
                Layout.preferredHeight: 64
                onClicked: view.controller.chooseApplication(index)
            }
        }
        Button {
            text: qsTr("Cancel")
            font.pixelSize: Theme.normal
            onClicked: view.controller.cancel()
        }
    }
}
