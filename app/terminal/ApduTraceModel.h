#pragma once

#include "iso7816/ApduTrace.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

#include <vector>

namespace cardlink::terminal {

// The APDU trace for the diagnostics screen. Entries come from core's
// ApduTrace, which already masks VERIFY data; attach() forwards each new
// entry from the recording (worker) thread to this model's thread.
// `filter` keeps the rows whose command name or status contains it.
class ApduTraceModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by the diagnostics controller")
    Q_PROPERTY(QString filter READ filter WRITE setFilter NOTIFY filterChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Roles {
        TimeRole = Qt::UserRole + 1,
        CommandRole, // hex, "**" where masked data was
        NameRole,
        StatusRole,   // SW meaning or the error
        DurationRole, // milliseconds
        FailedRole,
    };
    Q_ENUM(Roles)

    static constexpr std::size_t kMaxRows = 2000;

    explicit ApduTraceModel(QObject* parent = nullptr);
    ~ApduTraceModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString filter() const { return m_filter; }
    void setFilter(const QString& filter);

    void attach(iso7816::ApduTrace& trace);
    // The trace attached, or null.
    const iso7816::ApduTrace* source() const { return m_trace; }
    void append(const iso7816::ApduTraceEntry& entry);
    Q_INVOKABLE void clear();
    // The shown rows as text (ApduTraceEntry::format()).
    Q_INVOKABLE QString exportText() const;

signals:
    void filterChanged();
    void countChanged();
    // Every new entry, shown or filtered out (the checkout's steps follow it).
    void entryAdded(const QString& commandName);

private:
    bool matches(const iso7816::ApduTraceEntry& entry) const;
    void rebuild();

    iso7816::ApduTrace* m_trace = nullptr;
    std::vector<iso7816::ApduTraceEntry> m_all;
    std::vector<std::size_t> m_shown; // indexes into m_all
    QString m_filter;
};

} // namespace cardlink::terminal
