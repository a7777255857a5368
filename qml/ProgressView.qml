import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CardLink.Terminal

// The EMV steps while the card works, and the kernel's message.
Item {
    id: view
    required property CheckoutController controller

    RowLayout {
        anchors.fill: parent
        spacing: Theme.spacing * 3

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.spacing
            ScreenHeader { text: qsTr("Processing"); Layout.fillWidth: true }
            Label {
                text: view.controller.amountText
                font.pixelSize: Theme.huge
                font.bold: true
                horizontalAlignment: Text.AlignLeft
                Layout.fillWidth: true
                elide: Text.ElideRight
            }
            Label {
                objectName: "kernelMessage"
                horizontalAlignment: Text.AlignLeft
                text: view.controller.message.length > 0 ? view.controller.message
                                                          : qsTr("Do not remove the card")
                font.pixelSize: Theme.large
                color: Theme.accent
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            Item { Layout.fillHeight: true }
            Button {
                text: qsTr("Cancel")
                font.pixelSize: Theme.normal
                onClicked: view.controller.cancel()
            }
        }
        ListView {
            objectName: "steps"
            Layout.preferredWidth: 360
            Layout.fillHeight: true
            interactive: false
            model: view.controller.steps
            spacing: 6
            delegate: RowLayout {
                required property string title
                required property int stepState
                width: ListView.view.width
                spacing: Theme.spacing
                Rectangle {
                    width: 18
                    height: 18
                    radius: 9
                    color: stepState === EmvStepModel.Done ? Theme.ok
                         : stepState === EmvStepModel.Active ? Theme.accent : "#d0d7de"
                }
                Label {
                    text: title
                    font.pixelSize: Theme.normal
                    font.bold: stepState === EmvStepModel.Active
                    horizontalAlignment: Text.AlignLeft
                    color: stepState === EmvStepModel.Pending ? Theme.muted : Theme.text
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                }
            }
        }
    }
}
