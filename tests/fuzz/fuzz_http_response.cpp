#include "FuzzDriver.h"
#include "net/HttpResponseParser.h"

#include <cstdint>
#include <cstdlib>

QList<QByteArray> fuzzSeeds()
{
    return {
        "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
        "HTTP/1.1 101 UPGRADED\r\nUpgrade: tcp\r\n\r\n\x01\x00\x00\x00\x00\x00\x00\x02hi",
        "HTTP/1.0 404 Not Found\r\n\r\n{\"message\":\"no\"}",
        "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n",
    };
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char*>(data), qsizetype(size));
    HttpResponseParser parser;
    qint64 body = 0;
    parser.onBody = [&body](const QByteArray& piece) {
        body += piece.size();
    };
    // Split the input in two at a point derived from it, as the network would.
    const qsizetype split = size ? qsizetype(data[0]) % (input.size() + 1) : 0;
    QByteArray rest = parser.feed(input.left(split));
    rest += parser.feed(input.mid(split));
    parser.finishInput();
    // The parser never hands on more than it was given.
    if (body + rest.size() > input.size())
        std::abort();
    return 0;
}
