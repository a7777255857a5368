#include "online/ResponseParser.h"

#include "iso8583/CardLinkProfile.h"
#include "iso8583/MessageCodec.h"
#include "iso8583/MessageValidator.h"
#include "iso8583/MtiRules.h"
#include "iso8583/ResponseCodes.h"
#include "online/TerminalSecurity.h"
#include "tlv/TlvEncoder.h"
#include "tlv/TlvParser.h"

namespace cardlink::online {

namespace field = iso8583::field;

namespace {
constexpr tlv::Tag kIssuerAuthenticationData = 0x91;
constexpr tlv::Tag kScriptBefore = 0x71;
constexpr tlv::Tag kScriptAfter = 0x72;

Error malformed(const std::string& what)
{
    return makeError(ErrorCode::Malformed, "host response: " + what);
}

bool sameText(const iso8583::Message& a, const iso8583::Message& b, int number)
{
    const std::string* left = a.text(number);
    const std::string* right = b.text(number);
    return left != nullptr && right != nullptr && *left == *right;
}

Result<void> readIccData(ByteView field55, emv::OnlineResponse& out)
{
    auto objects = tlv::parse(field55);
    if (!objects)
        return malformed("field 55 is not BER-TLV: " + objects.error().message);
    for (const tlv::TlvObject& object : *objects) {
        if (object.tag == kIssuerAuthenticationData) {
            if (!out.issuerAuthenticationData.empty())
                return malformed("field 55 has 91 twice");
            if (object.value.size() < 8 || object.value.size() > 16)
                return malformed("issuer authentication data (91) is not 8 to 16 bytes");
            out.issuerAuthenticationData = object.value;
        } else if (object.tag == kScriptBefore || object.tag == kScriptAfter) {
            auto encoded = tlv::encode(object);
            if (!encoded)
                return malformed("issuer script template: " + encoded.error().message);
            out.issuerScripts.insert(out.issuerScripts.end(), encoded->begin(), encoded->end());
        }
    }
    return {};
}
} // namespace

Result<void> ResponseParser::checkAnswer(const iso8583::Message& response,
                                         const iso8583::Message& request,
                                         const dukpt::TransactionKey* macKey)
{
    const iso8583::MtiRule* rule = iso8583::findMtiRule(request.mti());
    if (rule == nullptr || rule->responseMti.empty())
        return makeError(ErrorCode::InvalidArgument,
                         "request MTI " + request.mti() + " has no response");
    if (response.mti() != rule->responseMti)
        return malformed("MTI " + response.mti() + " does not answer " + request.mti());
    if (auto ok = iso8583::MessageValidator::validate(response, iso8583::cardLinkProfile()); !ok)
        return malformed(ok.error().message);
    for (int number : {field::kStan, field::kTerminalId, field::kTransmissionDateTime}) {
        if (!sameText(response, request, number))
            return malformed("field " + std::to_string(number) + " is not the request's");
    }
    if (macKey != nullptr) {
        auto check = TerminalSecurity::verifyResponse(response, *macKey);
        if (!check)
            return check.error();
        if (*check != MacCheck::Valid)
            return malformed(std::string("MAC ") + macCheckName(*check));
    }
    return {};
}

Result<emv::OnlineResponse> ResponseParser::authorization(const iso8583::Message& response,
                                                          const iso8583::Message& request,
                                                          const dukpt::TransactionKey* macKey)
{
    if (request.mti() != "0100" && request.mti() != "0200")
        return makeError(ErrorCode::InvalidArgument,
                         "not an authorization or financial request: " + request.mti());
    if (auto ok = checkAnswer(response, request, macKey); !ok)
        return ok.error();

    emv::OnlineResponse out;
    const std::string& code = *response.text(field::kResponseCode);
    out.authorisationResponseCode.assign(code.begin(), code.end());
    switch (iso8583::responseAction(code)) {
    case iso8583::ResponseAction::Approve:
        out.decision = emv::OnlineDecision::Approved;
        break;
    case iso8583::ResponseAction::Retry:
        // The issuer was not reached: EMV 4.4 Book 3, 10.7 "unable to go online".
        out.decision = emv::OnlineDecision::UnableToGoOnline;
        break;
    default:
        out.decision = emv::OnlineDecision::Declined;
        break;
    }
    if (const std::string* approval = response.text(field::kAuthorizationCode))
        out.authorisationCode.assign(approval->begin(), approval->end());
    if (const Bytes* icc = response.bytes(field::kIccData)) {
        if (auto ok = readIccData(*icc, out); !ok)
            return ok.error();
    }
    return out;
}

Result<emv::OnlineResponse> ResponseParser::decodeAuthorization(ByteView wire,
                                                                const iso8583::Message& request,
                                                                const dukpt::TransactionKey* macKey)
{
    auto response = iso8583::MessageCodec(iso8583::cardLinkProfile()).decode(wire);
    if (!response)
        return malformed(response.error().message);
    return authorization(*response, request, macKey);
}

Result<std::string> ResponseParser::responseCode(const iso8583::Message& response,
                                                 const iso8583::Message& request,
                                                 const dukpt::TransactionKey* macKey)
{
    if (auto ok = checkAnswer(response, request, macKey); !ok)
        return ok.error();
    return *response.text(field::kResponseCode);
}

} // namespace cardlink::online
