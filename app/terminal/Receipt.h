#pragma once

#include "ReceiptData.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

#include <vector>

namespace cardlink::terminal {

// The receipt of the last transaction as label/value lines for the screen,
// and as plain text or PDF (merchant and customer copy).
class Receipt : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("made by the checkout controller")
    Q_PROPERTY(bool available READ isAvailable NOTIFY availableChanged)
    Q_PROPERTY(QString header READ header NOTIFY availableChanged)
    Q_PROPERTY(QString exportDirectory READ exportDirectory WRITE setExportDirectory NOTIFY
                   exportDirectoryChanged)

public:
    enum Roles { LabelRole = Qt::UserRole + 1, ValueRole };
    Q_ENUM(Roles)
    enum class Copy { Merchant, Customer };
    Q_ENUM(Copy)
    enum class Field {
        DateTime,
        Merchant,
        Terminal,
        Item, // one per line item: "2 × Coffee @ 2.50", its total
        Amount,
        Result,
        Pan,
        Label,
        Aid,
        Tvr,
        Tsi,
        Cryptogram,
        AuthCode,
        Stan,
        Rrn
    };

    explicit Receipt(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    bool isAvailable() const { return m_available; }
    QString header() const { return m_data.header; }
    void setData(const ReceiptData& data);
    void clear();
    void retranslate();

    Q_INVOKABLE QString plainText(cardlink::terminal::Receipt::Copy copy) const;
    // Both copies, one after the other. Return an error text, empty on success.
    Q_INVOKABLE QString saveText(const QString& path) const;
    Q_INVOKABLE QString savePdf(const QString& path) const;
    // Into exportDirectory, named after the STAN; a message saying where, or
    // what went wrong.
    Q_INVOKABLE QString exportText() const;
    Q_INVOKABLE QString exportPdf() const;

    QString exportDirectory() const { return m_exportDirectory; }
    void setExportDirectory(const QString& directory);

    static QString fieldLabel(Field field);

signals:
    void availableChanged();
    void exportDirectoryChanged();

private:
    struct Line
    {
        Field field;
        QString value;
        const ReceiptItem* item = nullptr; // Field::Item: into m_data.items
    };
    QString labelOf(const Line& line) const;

    ReceiptData m_data;
    std::vector<Line> m_lines;
    bool m_available = false;
    QString m_exportDirectory;
};

} // namespace cardlink::terminal
