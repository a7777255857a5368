#include "JournalModel.h"

#include "AmountEntry.h"
#include "Receipt.h"

#include <algorithm>

namespace cardlink::terminal {

using journal::CryptogramKind;
using journal::JournalState;

JournalModel::JournalModel(journal::Journal* journal, int currencyExponent, QString currencyAlpha,
                           QObject* parent)
    : QAbstractListModel(parent), m_journal(journal), m_exponent(currencyExponent),
      m_currency(std::move(currencyAlpha))
{}

int JournalModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_records.size());
}

QString JournalModel::stateText(const journal::JournalRecord& record)
{
    switch (record.state) {
    case JournalState::Pending:
    case JournalState::Sent:
    case JournalState::Authorized:
        return tr("pending");
    case JournalState::Declined:
        return tr("declined");
    case JournalState::Completed:
        if (record.cryptogram != CryptogramKind::Tc)
            return tr("declined by the card");
        return record.mode == journal::AuthorizationMode::Offline ? tr("approved, not yet advised")
                                                                  : tr("approved");
    case JournalState::Reversed:
        return tr("reversed");
    case JournalState::AdviceSent:
        return tr("advised");
    }
    return {};
}

QVariant JournalModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const journal::JournalRecord& r = m_records[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case StateRole:
        return stateText(r);
    case StateNameRole:
        return QString::fromLatin1(journal::journalStateName(r.state));
    case AmountRole:
        return AmountEntry::format(r.amount, m_exponent) + QLatin1Char(' ') +
               QString::fromStdString(r.currency);
    case MaskedPanRole:
        return QString::fromStdString(r.maskedPan);
    case StanRole:
        return QStringLiteral("%1").arg(r.stan, 6, 10, QLatin1Char('0'));
    case AuthCodeRole:
        return QString::fromStdString(r.authCode);
    case ModeRole:
        return QString::fromLatin1(journal::authorizationModeName(r.mode));
    case TimeRole:
        return QString::fromStdString(r.transmissionDateTime);
    case IdRole:
        return QVariant::fromValue<qint64>(r.id);
    default:
        return {};
    }
}

QHash<int, QByteArray> JournalModel::roleNames() const
{
    return {{StateRole, "state"},         {StateNameRole, "stateName"}, {AmountRole, "amount"},
            {MaskedPanRole, "maskedPan"}, {StanRole, "stan"},           {AuthCodeRole, "authCode"},
            {ModeRole, "mode"},           {TimeRole, "time"},           {IdRole, "recordId"}};
}

QString JournalModel::reload()
{
    std::vector<journal::JournalRecord> records;
    QString error;
    if (!m_journal) {
        error = tr("No journal");
    } else if (auto all = m_journal->all(); !all) {
        error = QString::fromStdString(all.error().describe());
    } else {
        records = std::move(*all);
        std::reverse(records.begin(), records.end());
    }
    beginResetModel();
    m_records = std::move(records);
    endResetModel();
    emit countChanged();
    return error;
}

bool JournalModel::reprint(int row, Receipt& receipt, const ReceiptData& base) const
{
    if (row < 0 || row >= rowCount())
        return false;
    const journal::JournalRecord& r = m_records[static_cast<std::size_t>(row)];
    ReceiptData data = base;
    data.amount = AmountEntry::format(r.amount, m_exponent) + QLatin1Char(' ') + m_currency;
    // Field 7 (MMDDhhmmss, UTC) has no year: the sale's, unless that would
    // lie in the future (then it was last year's).
    const QString stamp = QString::fromStdString(r.transmissionDateTime);
    if (stamp.size() == 10) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const auto at = [&](int year) {
            return QDateTime(
                QDate(year, stamp.left(2).toInt(), stamp.mid(2, 2).toInt()),
                QTime(stamp.mid(4, 2).toInt(), stamp.mid(6, 2).toInt(), stamp.mid(8, 2).toInt()),
                Qt::UTC);
        };
        QDateTime when = at(now.date().year());
        if (when > now.addDays(1))
            when = at(now.date().year() - 1);
        if (when.isValid())
            data.dateTime = when.toLocalTime();
    }
    data.result = stateText(r) + QLatin1Char(' ') + tr("(copy from the journal)");
    data.maskedPan = QString::fromStdString(r.maskedPan);
    data.aid = QString::fromStdString(r.aid);
    data.cryptogramType = QString::fromLatin1(journal::cryptogramKindName(r.cryptogram));
    data.authCode = QString::fromStdString(r.authCode);
    data.stan = QStringLiteral("%1").arg(r.stan, 6, 10, QLatin1Char('0'));
    data.rrn = QString::fromStdString(r.rrn);
    if (!r.terminalId.empty())
        data.terminalId = QString::fromStdString(r.terminalId);
    receipt.setData(data);
    return true;
}

void JournalModel::retranslate()
{
    if (!m_records.empty())
        emit dataChanged(index(0), index(rowCount() - 1), {Qt::DisplayRole, StateRole});
}

} // namespace cardlink::terminal
