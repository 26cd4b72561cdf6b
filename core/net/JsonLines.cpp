#include "JsonLines.h"

#include <QJsonDocument>
#include <QJsonParseError>

JsonLines::JsonLines(qsizetype maxLine, Framing framing)
    : m_maxLine(maxLine)
    , m_framing(framing)
{}

void JsonLines::append(QByteArrayView data)
{
    if (m_problem == Problem::None)
        m_buffer.append(data);
}

bool JsonLines::fail(Problem problem, const QString& detail)
{
    m_problem = problem;
    m_detail = detail;
    m_buffer.clear();
    m_start = 0;
    return false;
}

bool JsonLines::next(QJsonObject* object)
{
    while (m_problem == Problem::None) {
        const qsizetype end = m_buffer.indexOf('\n', m_start);
        if (end < 0) {
            // Lines already read go only now, so that a burst of them is not copied each time.
            m_buffer.remove(0, m_start);
            m_start = 0;
            if (m_buffer.size() > m_maxLine)
                return fail(Problem::TooLong);
            return false;
        }
        if (end - m_start > m_maxLine)
            return fail(Problem::TooLong);
        QByteArray line = m_buffer.mid(m_start, end - m_start).trimmed();
        m_start = end + 1;
        if (m_framing == Framing::EventStream) {
            if (line.startsWith("data:"))
                line = line.mid(5).trimmed();
            if (!line.startsWith('{'))
                continue;
        }
        if (line.isEmpty())
            continue;
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
        if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
            if (m_framing == Framing::EventStream)
                continue;
            return fail(Problem::NotJson, parseError.errorString());
        }
        *object = document.object();
        return true;
    }
    return false;
}
