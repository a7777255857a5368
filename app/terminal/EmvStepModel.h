#pragma once

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace cardlink::terminal {

// The steps of an EMV transaction as the checkout screen lists them, moved
// forward by the commands seen on the card channel (EMV 4.4 Book 3, 10: the
// order of the transaction flow). Steps only move forward; the current one
// is Active, those before it Done.
class EmvStepModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by the checkout controller")
    Q_PROPERTY(int current READ current NOTIFY currentChanged)

public:
    enum Roles { TitleRole = Qt::UserRole + 1, StateRole };
    Q_ENUM(Roles)
    enum class StepState { Pending, Active, Done };
    Q_ENUM(StepState)
    enum Step {
        SelectApplication,
        ReadCard,
        AuthenticateCard,
        VerifyCardholder,
        CardDecision,
        Online,
        Complete,
        StepCount
    };
    Q_ENUM(Step)

    explicit EmvStepModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int current() const { return m_current; }
    StepState stateOf(int step) const;

    // The name of a command sent to the card ("READ RECORD").
    void onCommand(const QString& commandName);
    void advanceTo(int step);
    void finish();
    void reset();
    // Titles are looked up in the current language.
    void retranslate();

    static QString stepTitle(int step);

signals:
    void currentChanged();

private:
    int m_current = -1;
    bool m_finished = false;
    int m_generateAcCount = 0;
};

} // namespace cardlink::terminal
