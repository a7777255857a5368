#pragma once

#include <QAbstractListModel>
#include <QByteArray>
#include <QtQml/qqmlregistration.h>

#include <vector>

namespace cardlink::terminal {

// The readers pcscd reports and the card in each, for the status bar and
// the diagnostics screen. Rows follow pcscd's order.
class ReaderListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by the reader status")

public:
    enum Roles { NameRole = Qt::UserRole + 1, CardPresentRole, AtrRole };
    Q_ENUM(Roles)

    explicit ReaderListModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setReaders(const QStringList& readers);
    void setCard(const QString& reader, bool present, const QByteArray& atr = {});

    QStringList names() const;
    bool hasCard(const QString& reader) const;
    QByteArray atr(const QString& reader) const;

private:
    struct Row
    {
        QString name;
        bool cardPresent = false;
        QByteArray atr;
    };
    int rowOf(const QString& reader) const;

    std::vector<Row> m_rows;
};

} // namespace cardlink::terminal
