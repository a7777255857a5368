#include "EmvStepModel.h"

namespace cardlink::terminal {

EmvStepModel::EmvStepModel(QObject* parent) : QAbstractListModel(parent) {}

int EmvStepModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : StepCount;
}

QVariant EmvStepModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return stepTitle(index.row());
    case StateRole:
        return QVariant::fromValue(stateOf(index.row()));
    default:
        return {};
    }
}

QHash<int, QByteArray> EmvStepModel::roleNames() const
{
    return {{TitleRole, "title"}, {StateRole, "stepState"}};
}

EmvStepModel::StepState EmvStepModel::stateOf(int step) const
{
    if (m_finished || step < m_current)
        return StepState::Done;
    return step == m_current ? StepState::Active : StepState::Pending;
}

void EmvStepModel::onCommand(const QString& name)
{
    // EMV 4.4 Book 3: SELECT (12), GPO/READ RECORD (10.1-10.2), INTERNAL
    // AUTHENTICATE for DDA (10.3), GET CHALLENGE/VERIFY/GET DATA 9F17 for the
    // PIN (10.5), first GENERATE AC (10.8), EXTERNAL AUTHENTICATE and the
    // second GENERATE AC after the host (10.9-10.11).
    if (name == QLatin1String("SELECT"))
        advanceTo(SelectApplication);
    else if (name == QLatin1String("GET PROCESSING OPTIONS") ||
             name == QLatin1String("READ RECORD"))
        advanceTo(ReadCard);
    else if (name == QLatin1String("INTERNAL AUTHENTICATE"))
        advanceTo(AuthenticateCard);
    else if (name == QLatin1String("VERIFY") || name == QLatin1String("GET CHALLENGE"))
        advanceTo(VerifyCardholder);
    else if (name == QLatin1String("GENERATE AC"))
        advanceTo(++m_generateAcCount == 1 ? CardDecision : Complete);
    else if (name == QLatin1String("EXTERNAL AUTHENTICATE"))
        advanceTo(Complete);
}

void EmvStepModel::advanceTo(int step)
{
    if (step <= m_current || step >= StepCount)
        return;
    m_current = step;
    emit dataChanged(index(0), index(StepCount - 1), {StateRole});
    emit currentChanged();
}

void EmvStepModel::finish()
{
    m_finished = true;
    emit dataChanged(index(0), index(StepCount - 1), {StateRole});
}

void EmvStepModel::reset()
{
    m_current = -1;
    m_finished = false;
    m_generateAcCount = 0;
    emit dataChanged(index(0), index(StepCount - 1), {StateRole});
    emit currentChanged();
}

void EmvStepModel::retranslate()
{
    emit dataChanged(index(0), index(StepCount - 1), {Qt::DisplayRole, TitleRole});
}

QString EmvStepModel::stepTitle(int step)
{
    switch (step) {
    case SelectApplication:
        return tr("Select application");
    case ReadCard:
        return tr("Read card data");
    case AuthenticateCard:
        return tr("Check the card");
    case VerifyCardholder:
        return tr("Verify cardholder");
    case CardDecision:
        return tr("Card decision");
    case Online:
        return tr("Ask the bank");
    case Complete:
        return tr("Complete");
    default:
        return {};
    }
}

} // namespace cardlink::terminal
