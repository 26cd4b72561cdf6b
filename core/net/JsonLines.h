#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QString>

// A streamed body cut into JSON objects, one a line, within a limit: a line longer than
// maxLine fails the stream instead of growing without end. Plain framing wants an object on
// every line but blank ones. EventStream framing takes "data:" off a line and passes over the
// event stream's other lines (comments, event names) and data that is not an object.
class JsonLines final
{
public:
    enum class Framing
    {
        Plain,
        EventStream
    };
    enum class Problem
    {
        None,
        NotJson, // Plain framing only
        TooLong
    };

    JsonLines(qsizetype maxLine, Framing framing);

    void append(QByteArrayView data);
    // The object of the next whole line; false when no line is complete yet, or once the
    // stream has failed (problem() says why; it stays failed).
    bool next(QJsonObject* object);
    Problem problem() const { return m_problem; }
    // The parser's words for a line that was not JSON.
    const QString& detail() const { return m_detail; }

private:
    bool fail(Problem problem, const QString& detail = {});

    qsizetype m_maxLine;
    Framing m_framing;
    QByteArray m_buffer;
    qsizetype m_start = 0; // where the next line begins in m_buffer
    Problem m_problem = Problem::None;
    QString m_detail;
};
