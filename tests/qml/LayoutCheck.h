#pragma once

// Layout faults a screenshot test looks for in a rendered QML scene.

#include <QPointF>
#include <QQuickItem>
#include <QStringList>

namespace cardlink::test {

// Text items (Text, Label, buttons' labels) that are visible and show less
// than their text: elided/truncated, or wider than their box without
// wrapping or fitting, or reaching outside the window.
QStringList clippedTexts(QQuickItem* root, const QSizeF& windowSize);

// The first visible item named `name` under `root`, or nullptr.
QQuickItem* findVisible(QQuickItem* root, const QString& name);

// The item's centre in scene coordinates.
QPointF sceneCentre(const QQuickItem* item);

} // namespace cardlink::test
