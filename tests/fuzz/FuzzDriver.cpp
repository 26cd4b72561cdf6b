#include "FuzzDriver.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>

#include <cstdint>
#include <cstdio>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

QByteArray mutate(QByteArray input, QRandomGenerator& random)
{
    const int edits = 1 + int(random.bounded(8));
    for (int i = 0; i < edits; ++i) {
        const int position = input.isEmpty() ? 0 : int(random.bounded(int(input.size())));
        switch (random.bounded(6)) {
        case 0: // flip a byte
            if (!input.isEmpty())
                input[position] = char(random.bounded(256));
            break;
        case 1: // drop a run
            input.remove(position, int(random.bounded(16)));
            break;
        case 2: // repeat a run
            input.insert(position, input.mid(position, int(random.bounded(64))));
            break;
        case 3: // insert a token that parsers care about
        {
            static const char* tokens[] = {"\r\n",
                                           "\n",
                                           ":",
                                           "0\r\n\r\n",
                                           "FFFFFFFF\r\n",
                                           "Content-Length: 99999999999\r\n",
                                           "{",
                                           "}",
                                           "\"",
                                           "\\u0000",
                                           "[",
                                           "]",
                                           "null",
                                           "-1"};
            input.insert(position, tokens[random.bounded(int(sizeof tokens / sizeof *tokens))]);
            break;
        }
        case 4: // truncate
            input.truncate(position);
            break;
        default: // a large block of one byte
            input.insert(position,
                         QByteArray(int(random.bounded(70000)), char(random.bounded(256))));
            break;
        }
    }
    return input;
}

} // namespace

// Arguments: folders of seed files (the committed corpus, regression inputs among them).
// SANDBOXDESK_FUZZ_MUTATIONS sets how many mutations follow the seeds (20000).
int main(int argc, char** argv)
{
    // A fixed seed: the same inputs on every run, so a failure can be replayed.
    QRandomGenerator random(20261122);
    QList<QByteArray> seeds = fuzzSeeds();
    for (int i = 1; i < argc; ++i) {
        const QDir folder(QString::fromLocal8Bit(argv[i]));
        if (!folder.exists()) {
            std::fprintf(stderr, "no corpus folder %s\n", argv[i]);
            return 1;
        }
        const QStringList names = folder.entryList(QDir::Files, QDir::Name);
        for (const QString& name : names) {
            QFile file(folder.filePath(name));
            if (!file.open(QIODevice::ReadOnly)) {
                std::fprintf(stderr, "cannot read %s\n", qPrintable(file.fileName()));
                return 1;
            }
            seeds.append(file.readAll());
        }
    }
    if (seeds.isEmpty()) {
        std::fprintf(stderr, "no seeds\n");
        return 1;
    }
    int runs = 0;
    for (const QByteArray& seed : seeds) {
        LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(seed.constData()),
                               size_t(seed.size()));
        ++runs;
    }
    bool set = false;
    const int mutations = qEnvironmentVariableIntValue("SANDBOXDESK_FUZZ_MUTATIONS", &set);
    for (int i = 0; i < (set ? mutations : 20000); ++i) {
        const QByteArray input = mutate(seeds.at(int(random.bounded(int(seeds.size())))), random);
        LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(input.constData()),
                               size_t(input.size()));
        ++runs;
    }
    std::printf("%d inputs, no crash\n", runs);
    return 0;
}
