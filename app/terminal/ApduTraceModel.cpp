#include "ApduTraceModel.h"

#include <QDateTime>
#include <QMetaObject>
#include <QPointer>

namespace cardlink::terminal {

ApduTraceModel::ApduTraceModel(QObject* parent) : QAbstractListModel(parent) {}

ApduTraceModel::~ApduTraceModel()
{
    if (m_trace)
        m_trace->setListener({});
}

int ApduTraceModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_shown.size());
}

QVariant ApduTraceModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto& entry = m_all[m_shown[static_cast<std::size_t>(index.row())]];
    switch (role) {
    case TimeRole: {
        const auto ms =
            std::chrono::duration_cast<std::chrono::milliseconds>(entry.time.time_since_epoch());
        return QDateTime::fromMSecsSinceEpoch(ms.count()).toString(QStringLiteral("HH:mm:ss.zzz"));
    }
    case CommandRole: {
        QString hex =
            QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(entry.command.data()),
                                           static_cast<qsizetype>(entry.command.size()))
                                    .toHex(' ')
                                    .toUpper());
        return entry.commandMasked ? hex + QStringLiteral(" **") : hex;
    }
    case Qt::DisplayRole:
    case NameRole:
        return QString::fromStdString(entry.commandName);
    case StatusRole: {
        QString status = QString::fromStdString(entry.statusText);
        if (!entry.error && entry.response.size() >= 2) {
            const auto n = entry.response.size();
            status = QString::fromStdString(toHex(ByteView(entry.response).subspan(n - 2))) +
                     QStringLiteral(" ") + status;
        }
        return status;
    }
    case DurationRole:
        return static_cast<double>(entry.duration.count()) / 1000.0;
    case FailedRole:
        return entry.error.has_value();
    default:
        return {};
    }
}

QHash<int, QByteArray> ApduTraceModel::roleNames() const
{
    return {{TimeRole, "time"},     {CommandRole, "command"},   {NameRole, "name"},
            {StatusRole, "status"}, {DurationRole, "duration"}, {FailedRole, "failed"}};
}

void ApduTraceModel::setFilter(const QString& filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    rebuild();
    emit filterChanged();
}

void ApduTraceModel::attach(iso7816::ApduTrace& trace)
{
    m_trace = &trace;
    QPointer<ApduTraceModel> self(this);
    trace.setListener([self](const iso7816::ApduTraceEntry& entry) {
        // Recording thread: copy the (already masked) entry to our thread.
        QMetaObject::invokeMethod(
            self.data(),
            [self, entry] {
                if (self)
                    self->append(entry);
            },
            Qt::QueuedConnection);
    });
    for (const auto& entry : trace.entries())
        append(entry);
}

void ApduTraceModel::append(const iso7816::ApduTraceEntry& entry)
{
    if (m_all.size() >= kMaxRows) {
        m_all.erase(m_all.begin());
        rebuild();
    }
    m_all.push_back(entry);
    m_all.back().maskSecrets();
    emit entryAdded(QString::fromStdString(m_all.back().commandName));
    if (!matches(m_all.back()))
        return;
    const int row = static_cast<int>(m_shown.size());
    beginInsertRows({}, row, row);
    m_shown.push_back(m_all.size() - 1);
    endInsertRows();
    emit countChanged();
}

void ApduTraceModel::clear()
{
    beginResetModel();
    m_all.clear();
    m_shown.clear();
    endResetModel();
    if (m_trace)
        m_trace->clear();
    emit countChanged();
}

QString ApduTraceModel::exportText() const
{
    QString text;
    for (const auto i : m_shown)
        text += QString::fromStdString(m_all[i].format()) + QLatin1Char('\n');
    return text;
}

bool ApduTraceModel::matches(const iso7816::ApduTraceEntry& entry) const
{
    return m_filter.isEmpty() ||
           QString::fromStdString(entry.commandName).contains(m_filter, Qt::CaseInsensitive) ||
           QString::fromStdString(entry.statusText).contains(m_filter, Qt::CaseInsensitive);
}

void ApduTraceModel::rebuild()
{
    beginResetModel();
    m_shown.clear();
    for (std::size_t i = 0; i < m_all.size(); ++i)
        if (matches(m_all[i]))
            m_shown.push_back(i);
    endResetModel();
    emit countChanged();
}

} // namespace cardlink::terminal
