#include "LayoutCheck.h"

#include <QVariant>

namespace cardlink::test {

namespace {
// QML Text enums (QQuickText is private API): Text.NoWrap, Text.FixedSize.
constexpr int kNoWrap = 0;
constexpr int kFixedSize = 0;

bool effectivelyVisible(const QQuickItem* item)
{
    for (const QQuickItem* i = item; i; i = i->parentItem())
        if (!i->isVisible() || i->opacity() <= 0.0)
            return false;
    return true;
}

QString describe(const QQuickItem* item, const QString& fault)
{
    const QString name =
        item->objectName().isEmpty() ? QStringLiteral("<text>") : item->objectName();
    return QStringLiteral("%1 \"%2\": %3").arg(name, item->property("text").toString(), fault);
}

// `inClip`: inside an item that clips (a list), where rows may lie beyond
// the window by design.
void collect(QQuickItem* item, const QSizeF& window, bool inClip, QStringList& faults)
{
    if (item->inherits("QQuickText") && effectivelyVisible(item) &&
        !item->property("text").toString().isEmpty()) {
        const auto wrap = item->property("wrapMode").toInt();
        const auto fit = item->property("fontSizeMode").toInt();
        const QRectF box = item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
        if (item->property("truncated").toBool())
            faults << describe(item, QStringLiteral("truncated"));
        else if (wrap == kNoWrap && fit == kFixedSize &&
                 item->implicitWidth() > item->width() + 1.0)
            faults << describe(item, QStringLiteral("implicit width %1 > width %2")
                                         .arg(item->implicitWidth())
                                         .arg(item->width()));
        else if (!inClip && (box.left() < -1.0 || box.right() > window.width() + 1.0 ||
                             box.bottom() > window.height() + 1.0))
            faults << describe(item, QStringLiteral("outside the window"));
    }
    // Text fields and combo boxes: the text shown must fit.
    if (item->inherits("QQuickTextInput") && effectivelyVisible(item) &&
        item->property("contentWidth").toReal() > item->width() + 1.0)
        faults << describe(item, QStringLiteral("content width %1 > width %2")
                                     .arg(item->property("contentWidth").toReal())
                                     .arg(item->width()));
    for (QQuickItem* child : item->childItems())
        collect(child, window, inClip || item->clip(), faults);
}

QQuickItem* find(QQuickItem* item, const QString& name)
{
    if (item->objectName() == name && effectivelyVisible(item))
        return item;
    for (QQuickItem* child : item->childItems())
        if (QQuickItem* found = find(child, name))
            return found;
    return nullptr;
}
} // namespace

QStringList clippedTexts(QQuickItem* root, const QSizeF& windowSize)
{
    QStringList faults;
    collect(root, windowSize, false, faults);
    return faults;
}

QQuickItem* findVisible(QQuickItem* root, const QString& name)
{
    return find(root, name);
}

QPointF sceneCentre(const QQuickItem* item)
{
    return item->mapToScene(QPointF(item->width() / 2, item->height() / 2));
}

} // namespace cardlink::test
