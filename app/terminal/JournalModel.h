#pragma once

#include "ReceiptData.h"
#include "journal/Journal.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

#include <vector>

namespace cardlink::terminal {

class Receipt;

// The journal browser of the diagnostics screen: one row per journal record
// (core/journal), newest first, with its state in words (pending, approved,
// declined, reversed, advised), amount, masked PAN, STAN and codes. reload()
// reads Journal::all() again; reprint() puts a record on a Receipt.
class JournalModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by Terminal")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role {
        StateRole = Qt::UserRole + 1, // in words, translated
        StateNameRole,                // journalStateName(): "advice-sent"
        AmountRole,                   // "12.34 826"
        MaskedPanRole,
        StanRole,
        AuthCodeRole,
        ModeRole, // "online" / "offline"
        TimeRole, // field 7, MMDDhhmmss UTC
        IdRole
    };

    JournalModel(journal::Journal* journal, int currencyExponent, QString currencyAlpha,
                 QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // An error in words, empty on success.
    Q_INVOKABLE QString reload();
    // Puts the record of `row` on `receipt`, marked as a copy from the
    // journal; `base` gives header, merchant and terminal. False for a bad row.
    bool reprint(int row, Receipt& receipt, const ReceiptData& base) const;
    void retranslate();

    static QString stateText(const journal::JournalRecord& record);

signals:
    void countChanged();

private:
    journal::Journal* m_journal;
    int m_exponent;
    QString m_currency;
    std::vector<journal::JournalRecord> m_records; // newest first
};

} // namespace cardlink::terminal
