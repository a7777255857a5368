#pragma once

// A TransactionRunner that asks the cardholder a scripted list of questions
// and then ends with a set outcome, standing in for the kernel in controller
// and screen tests. Header-only.

#include "TransactionRunner.h"
#include "util/Bytes.h"

#include <atomic>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace cardlink::test {

class ScriptedRunner final : public terminal::TransactionRunner
{
public:
    // Hold: says "processing online" and waits until cancelled.
    enum class Ask { Application, ConfirmAmount, Pin, SecondPin, Hold };

    std::vector<Ask> asks;
    emv::TransactionOutcome outcome = approvedOutcome();
    std::optional<Error> error;
    std::atomic<int> runs{0};
    std::atomic<bool> cancelled{false};

    Result<emv::TransactionOutcome> run(const std::string& reader,
                                        const emv::TransactionRequest& request,
                                        emv::Cardholder& cardholder) override
    {
        ++runs;
        {
            std::lock_guard lock(m_mutex);
            m_reader = reader;
            m_amount = request.amount;
        }
        for (const Ask ask : asks) {
            if (!answer(ask, request, cardholder))
                return cancelledOutcome();
        }
        if (cancelled)
            return cancelledOutcome();
        if (error)
            return *error;
        return outcome;
    }
    void reset() override { cancelled = false; }
    void cancel() override { cancelled = true; }

    // What the last PIN entry delivered to the kernel port.
    bool pinEquals(const std::string& digits) const
    {
        std::lock_guard lock(m_mutex);
        return m_pin.equals(
            ByteView(reinterpret_cast<const std::uint8_t*>(digits.data()), digits.size()));
    }
    std::size_t pinLength() const
    {
        std::lock_guard lock(m_mutex);
        return m_pin.size();
    }
    std::optional<std::size_t> chosen() const
    {
        std::lock_guard lock(m_mutex);
        return m_chosen;
    }
    std::string reader() const
    {
        std::lock_guard lock(m_mutex);
        return m_reader;
    }
    std::uint64_t amount() const
    {
        std::lock_guard lock(m_mutex);
        return m_amount;
    }

    static emv::TransactionOutcome approvedOutcome()
    {
        emv::TransactionOutcome outcome;
        outcome.kind = emv::OutcomeKind::ApprovedOnline;
        outcome.aid = {0xA0, 0x00, 0x00, 0x09, 0x99, 0x10, 0x10};
        outcome.label = "CARDLINK DEBIT";
        outcome.maskedPan = "476173\u20260010";
        outcome.tvr.set(emv::TvrBit::TransactionExceedsFloorLimit);
        outcome.data.set(0x9F27, {0x40});
        outcome.data.set(0x9F26, {1, 2, 3, 4, 5, 6, 7, 8});
        outcome.data.set(0x89, {'A', 'B', '1', '2', '3', '4'});
        return outcome;
    }
    static emv::TransactionOutcome cancelledOutcome()
    {
        emv::TransactionOutcome outcome;
        outcome.kind = emv::OutcomeKind::Cancelled;
        outcome.reason = "cancelled";
        return outcome;
    }

private:
    bool answer(Ask ask, const emv::TransactionRequest& request, emv::Cardholder& cardholder)
    {
        switch (ask) {
        case Ask::Application: {
            const std::vector<emv::ApplicationChoice> choices = {
                {{0xA0, 0x00, 0x00, 0x00, 0x03, 0x10, 0x10}, "VISA CREDIT", 1, false},
                {{0xA0, 0x00, 0x00, 0x09, 0x99, 0x10, 0x10}, "CARDLINK DEBIT", 2, false}};
            auto index = cardholder.chooseApplication(choices);
            std::lock_guard lock(m_mutex);
            m_chosen = index;
            return index.has_value();
        }
        case Ask::ConfirmAmount:
            return cardholder.confirmAmount(request.amount, "GBP");
        case Ask::Hold:
            cardholder.showMessage(emv::CardholderMessage::ProcessingOnline);
            while (!cancelled)
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
            return false;
        case Ask::Pin:
        case Ask::SecondPin: {
            if (ask == Ask::SecondPin)
                cardholder.showMessage(emv::CardholderMessage::IncorrectPin);
            emv::PinRequest pinRequest;
            pinRequest.triesLeft = ask == Ask::SecondPin ? 2 : 3;
            pinRequest.amount = request.amount;
            pinRequest.currency = "GBP";
            emv::PinEntry entry = cardholder.enterPin(pinRequest);
            if (entry.status != emv::PinEntryStatus::Entered)
                return false;
            std::lock_guard lock(m_mutex);
            m_pin = std::move(entry.digits);
            return true;
        }
        }
        return false;
    }

    mutable std::mutex m_mutex;
    pin::SecretBytes m_pin;
    std::optional<std::size_t> m_chosen;
    std::string m_reader;
    std::uint64_t m_amount = 0;
};

} // namespace cardlink::test
