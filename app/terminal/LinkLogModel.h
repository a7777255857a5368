#pragma once

#include <QAbstractListModel>
#include <QDateTime>
#include <QtQml/qqmlregistration.h>

#include <deque>

namespace cardlink::terminal {

// The host link's log for the diagnostics screen: one row per step (time,
// event). Every event is masked on the way in: any run of 13..19 digits (a
// PAN) keeps only its first 6 and last 4 digits. PINs never reach it: the
// link logs none, and the masking is the second line of defence.
class LinkLogModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by Terminal")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role { TimeRole = Qt::UserRole + 1, EventRole };
    static constexpr int kMaxRows = 500;

    explicit LinkLogModel(QObject* parent = nullptr) : QAbstractListModel(parent) {}

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // UI thread.
    void append(const QString& event);
    Q_INVOKABLE QString eventAt(int row) const;
    // All rows as "time event" lines.
    Q_INVOKABLE QString text() const;

    static QString masked(const QString& event);

signals:
    void countChanged();

private:
    struct Row
    {
        QDateTime time;
        QString event;
    };
    std::deque<Row> m_rows;
};

} // namespace cardlink::terminal
