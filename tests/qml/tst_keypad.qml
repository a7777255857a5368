import QtQuick
import QtTest
import CardLink.Terminal

TestCase {
    id: test
    name: "Keypad"
    when: windowShown
    // A TestCase is invisible by default (Qt 6.4): mouse events would not
    // reach the items made under it.
    visible: true
    width: 600
    height: 500

    Component { id: padComponent; Keypad {} }
    Component {
        id: mirroredComponent
        Item {
            width: 600
            height: 500
            LayoutMirroring.enabled: true
            LayoutMirroring.childrenInherit: true
            Keypad {}
        }
    }
    SignalSpy { id: spy; signalName: "keyPressed" }

    property var pad

    function init() {
        pad = createTemporaryObject(padComponent, test)
        spy.target = pad
        spy.clear()
        waitForRendering(pad)
    }

    function test_click_data() {
        return [{ tag: "digit", key: "7" }, { tag: "double-zero", key: "00" },
                { tag: "back", key: "back" }]
    }
    function test_click(data) {
        const key = findChild(pad, "key_" + data.key)
        verify(key)
        mouseClick(key)
        compare(spy.count, 1)
        compare(spy.signalArguments[0][0], data.key)
    }

    function test_labels() {
        compare(findChild(pad, "key_back").text, "\u232B")
        compare(findChild(pad, "key_5").text, "5")
    }

    function test_gapIsNotAKey() {
        pad.keys = ["1", "", "3"]
        waitForRendering(pad)
        const gap = findChild(pad, "key_")
        verify(gap)
        verify(!gap.enabled)
        mouseClick(gap)
        compare(spy.count, 0)
    }

    function test_threeColumns() {
        const one = findChild(pad, "key_1")
        const three = findChild(pad, "key_3")
        const four = findChild(pad, "key_4")
        verify(one.x < three.x)
        compare(four.x, one.x)
        verify(four.y > one.y)
    }

    function test_digitsNotMirrored() {
        const item = createTemporaryObject(mirroredComponent, test)
        const one = findChild(item, "key_1")
        const three = findChild(item, "key_3")
        verify(one.mapToItem(null, 0, 0).x < three.mapToItem(null, 0, 0).x)
    }
}
