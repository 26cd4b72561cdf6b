#include "FuzzDriver.h"
#include "opensandbox/ExecdEventParser.h"
#include "opensandbox/OpenSandboxJson.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cstdint>
#include <cstdlib>

QList<QByteArray> fuzzSeeds()
{
    return {
        "{\"type\":\"init\",\"text\":\"c1\"}\n\n{\"type\":\"stdout\",\"text\":\"hi\\n\"}\n\n",
        "data: {\"type\":\"error\",\"error\":{\"evalue\":\"3\"}}\r\n\r\n: ping\n\n",
        "{\"items\":[{\"id\":\"a\",\"status\":{\"state\":\"Running\"}}],\"pagination\":{}}\n\n",
    };
}

// execd's event stream fed in pieces whose sizes come from the input: the same events as fed
// whole, none much larger than the limit (a piece may complete an event just past it), and
// each one read as a sandbox list page without harm.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char*>(data), qsizetype(size));
    constexpr qsizetype Limit = 4096;
    ExecdEventParser whole(Limit);
    QList<QByteArray> expected;
    const bool wholeOk = whole.feed(input, &expected);
    const QByteArray wholeRest = whole.finish();

    ExecdEventParser pieces(Limit);
    QList<QByteArray> events;
    bool ok = true;
    for (qsizetype at = 0; at < input.size() && ok;) {
        const qsizetype step = 1 + qsizetype(quint8(input.at(at)) % 7);
        ok = pieces.feed(input.mid(at, step), &events);
        at += step;
    }
    const QByteArray rest = pieces.finish();
    // Fed in pieces, a buffer may pass the limit where the whole input (ending an event in the
    // same feed) did not; otherwise the two agree.
    if (ok && wholeOk && (events != expected || rest != wholeRest))
        std::abort();
    for (const QByteArray& event : std::as_const(events)) {
        if (event.size() > Limit + 8)
            std::abort();
        OpenSandboxJson::sandboxesFromPage(QJsonDocument::fromJson(event).object(), {});
    }
    return 0;
}
