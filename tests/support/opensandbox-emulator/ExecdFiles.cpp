#include "ExecdFiles.h"

#include "DockerCalls.h"
#include "HttpServer.h"
#include "Replies.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QRegularExpression>
#include <QUrl>
#include <QUuid>

#include <algorithm>
#include <memory>

namespace {

// size, octal mode, owner, group, mtime, ctime, type, then the name (which may hold tabs).
const QString statFormat = QStringLiteral("%s\t%a\t%U\t%G\t%Y\t%Z\t%F\t%n");
const QString invalidRequest = QStringLiteral("INVALID_REQUEST_BODY");

QString fileType(const QString& statType)
{
    if (statType.startsWith(QLatin1String("regular")))
        return QStringLiteral("file");
    if (statType == QLatin1String("directory"))
        return QStringLiteral("directory");
    if (statType == QLatin1String("symbolic link"))
        return QStringLiteral("symlink");
    return QStringLiteral("other");
}

QString epochTime(const QString& seconds)
{
    return Replies::time(QDateTime::fromSecsSinceEpoch(seconds.toLongLong(), Qt::UTC));
}

// A glob as execd takes it: ** crosses directories, * and ? do not.
QRegularExpression globExpression(const QString& glob)
{
    QString rx;
    for (qsizetype i = 0; i < glob.size(); ++i) {
        const QChar c = glob.at(i);
        if (c == QLatin1Char('*') && glob.mid(i, 3) == QLatin1String("**/")) {
            rx += QStringLiteral("(?:.*/)?");
            i += 2;
        } else if (c == QLatin1Char('*') && glob.mid(i, 2) == QLatin1String("**")) {
            rx += QStringLiteral(".*");
            ++i;
        } else if (c == QLatin1Char('*')) {
            rx += QStringLiteral("[^/]*");
        } else if (c == QLatin1Char('?')) {
            rx += QStringLiteral("[^/]");
        } else {
            rx += QRegularExpression::escape(QString(c));
        }
    }
    return QRegularExpression(QRegularExpression::anchoredPattern(rx));
}

QJsonObject parseJsonObject(HttpExchange* exchange, bool* ok)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(exchange->request().body, &error);
    *ok = error.error == QJsonParseError::NoError && doc.isObject();
    if (!*ok)
        Replies::error(exchange, 400, invalidRequest,
                       QStringLiteral("error parsing request, MAYBE invalid body format. ") +
                           error.errorString());
    return doc.object();
}

} // namespace

ExecdFiles::ExecdFiles(DockerCalls* docker, QObject* parent)
    : QObject(parent)
    , m_docker(docker)
{}

bool ExecdFiles::handles(const QByteArray& path)
{
    return path.startsWith("/files") || path.startsWith("/directories");
}

void ExecdFiles::handle(HttpExchange* exchange, const QString& container, const QByteArray& path)
{
    const QByteArray& method = exchange->request().method;
    if (path == "/files/info" && method == "GET")
        return info(exchange, container);
    if (path == "/files" && method == "DELETE")
        return removeFiles(exchange, container);
    if (path == "/files/permissions" && method == "POST")
        return permissions(exchange, container, false);
    if (path == "/files/mv" && method == "POST")
        return move(exchange, container);
    if (path == "/files/search" && method == "GET")
        return search(exchange, container);
    if (path == "/files/replace" && method == "POST")
        return replace(exchange, container);
    if (path == "/files/upload" && method == "POST")
        return upload(exchange, container);
    if (path == "/files/download" && method == "GET")
        return download(exchange, container);
    if (path == "/directories/list" && method == "GET")
        return list(exchange, container);
    if (path == "/directories" && method == "POST")
        return permissions(exchange, container, true);
    if (path == "/directories" && method == "DELETE")
        return removeDirectories(exchange, container);
    Replies::error(exchange, 404, QStringLiteral("NOT_SUPPORTED"),
                   QStringLiteral("%1 %2 is not served by the emulator")
                       .arg(QString::fromUtf8(method), QString::fromUtf8(path)));
}

void ExecdFiles::shell(const QString& container, const QString& script, const QStringList& args,
                       const Done& done, const QByteArray& input)
{
    m_docker->run(
        container,
        QStringList{QStringLiteral("sh"), QStringLiteral("-c"), script, QStringLiteral("sh")} +
            args,
        input, [done](const DockerCalls::ExecResult& r) {
            Result result;
            result.exitCode = r.ok ? r.exitCode : -1;
            result.out = r.out;
            result.err = r.err;
            result.failure = r.ok ? QString() : r.error;
            done(result);
        });
}

void ExecdFiles::fail(HttpExchange* exchange, const Result& result, const QString& what)
{
    if (!result.failure.isEmpty())
        return Replies::error(exchange, 502, QStringLiteral("RUNTIME_ERROR"),
                              QStringLiteral("execd is not reachable: ") + result.failure);
    const QString detail = QString::fromUtf8(result.err).trimmed();
    if (detail.contains(QLatin1String("No such file")) ||
        detail.contains(QLatin1String("can't stat")))
        return Replies::error(exchange, 404, QStringLiteral("FILE_NOT_FOUND"),
                              QStringLiteral("file not found. %1").arg(detail));
    Replies::error(exchange, 500, QStringLiteral("RUNTIME_ERROR"),
                   QStringLiteral("%1: %2").arg(what, detail));
}

QList<QJsonObject> ExecdFiles::parseStat(const QByteArray& out)
{
    QList<QJsonObject> infos;
    for (const QByteArray& line : out.split('\n')) {
        const QStringList f = QString::fromUtf8(line).split(QLatin1Char('\t'));
        if (f.size() < 8)
            continue;
        infos.append({
            {QStringLiteral("path"), f.mid(7).join(QLatin1Char('\t'))},
            {QStringLiteral("type"), fileType(f.at(6))},
            {QStringLiteral("size"), f.at(0).toLongLong()},
            {QStringLiteral("modified_at"), epochTime(f.at(4))},
            {QStringLiteral("created_at"), epochTime(f.at(5))},
            {QStringLiteral("owner"), f.at(2)},
            {QStringLiteral("group"), f.at(3)},
            // execd writes the octal digits as a decimal number: 0644 is 644.
            {QStringLiteral("mode"), f.at(1).toInt()},
        });
    }
    return infos;
}

void ExecdFiles::info(HttpExchange* exchange, const QString& container)
{
    const QStringList paths = exchange->request().queryValues(QStringLiteral("path"));
    if (paths.isEmpty())
        return Replies::json(exchange, 200, QJsonObject());
    QPointer<HttpExchange> guard(exchange);
    shell(container, QStringLiteral("exec stat -c \"%1\" -- \"$@\"").arg(statFormat), paths,
          [guard, paths](const Result& result) {
              if (!guard)
                  return;
              if (result.exitCode != 0)
                  return fail(guard, result, QStringLiteral("error accessing file"));
              const QList<QJsonObject> infos = parseStat(result.out);
              QJsonObject out;
              for (qsizetype i = 0; i < paths.size() && i < infos.size(); ++i)
                  out.insert(paths.at(i), infos.at(i));
              Replies::json(guard, 200, out);
          });
}

void ExecdFiles::removeFiles(HttpExchange* exchange, const QString& container)
{
    const QStringList paths = exchange->request().queryValues(QStringLiteral("path"));
    QPointer<HttpExchange> guard(exchange);
    shell(container,
          QStringLiteral("for p; do if [ -d \"$p\" ] && [ ! -L \"$p\" ]; then echo \"$p: is a "
                         "directory\" >&2; exit 1; fi; rm -f -- \"$p\" || exit 1; done"),
          paths, [guard](const Result& result) {
              if (!guard)
                  return;
              if (result.exitCode != 0)
                  return fail(guard, result, QStringLiteral("error removing file"));
              guard->send(200, {}, {});
          });
}

void ExecdFiles::permissions(HttpExchange* exchange, const QString& container, bool makeDirectories)
{
    bool ok = false;
    const QJsonObject body = parseJsonObject(exchange, &ok);
    if (!ok)
        return;
    QStringList args;
    for (auto it = body.begin(); it != body.end(); ++it) {
        const QJsonObject permission = it.value().toObject();
        const int mode = permission.value(QLatin1String("mode")).toInt();
        const QString owner = permission.value(QLatin1String("owner")).toString();
        const QString group = permission.value(QLatin1String("group")).toString();
        QString chown = owner;
        if (!group.isEmpty())
            chown += QLatin1Char(':') + group;
        args << it.key() << (mode > 0 ? QString::number(mode) : QString()) << chown;
    }
    const QString make =
        makeDirectories ? QStringLiteral("mkdir -p -- \"$1\" || exit 1; ") : QString();
    QPointer<HttpExchange> guard(exchange);
    shell(container,
          QStringLiteral("while [ $# -gt 0 ]; do %1if [ -n \"$2\" ]; then chmod \"$2\" \"$1\" || "
                         "exit 1; fi; if [ -n \"$3\" ]; then chown \"$3\" \"$1\" || exit 1; fi; "
                         "shift 3; done")
              .arg(make),
          args, [guard](const Result& result) {
              if (!guard)
                  return;
              if (result.exitCode != 0)
                  return fail(guard, result, QStringLiteral("error changing permissions"));
              guard->send(200, {}, {});
          });
}

void ExecdFiles::move(HttpExchange* exchange, const QString& container)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(exchange->request().body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray())
        return Replies::error(exchange, 400, invalidRequest,
                              QStringLiteral("error parsing request, MAYBE invalid body format."));
    QStringList args;
    for (const QJsonValue& value : doc.array()) {
        const QJsonObject item = value.toObject();
        const QString src = item.value(QLatin1String("src")).toString();
        const QString dest = item.value(QLatin1String("dest")).toString();
        if (src.isEmpty() || dest.isEmpty())
            return Replies::error(exchange, 400, invalidRequest,
                                  QStringLiteral("src and dest are required"));
        args << src << dest;
    }
    QPointer<HttpExchange> guard(exchange);
    shell(container,
          QStringLiteral("while [ $# -gt 0 ]; do mv -- \"$1\" \"$2\" || exit 1; shift 2; done"),
          args, [guard](const Result& result) {
              if (!guard)
                  return;
              if (result.exitCode != 0)
                  return fail(guard, result, QStringLiteral("error moving file"));
              guard->send(200, {}, {});
          });
}

void ExecdFiles::search(HttpExchange* exchange, const QString& container)
{
    const QString root = exchange->request().queryValue(QStringLiteral("path"));
    QString pattern = exchange->request().queryValue(QStringLiteral("pattern"));
    if (root.isEmpty())
        return Replies::error(exchange, 400, QStringLiteral("MISSING_QUERY"),
                              QStringLiteral("missing query parameter path"));
    if (pattern.isEmpty())
        pattern = QStringLiteral("**");
    QPointer<HttpExchange> guard(exchange);
    shell(container,
          QStringLiteral("[ -d \"$1\" ] || { echo \"$1: No such file or directory\" >&2; exit 1; "
                         "}; exec find \"$1\" -type f -exec stat -c \"%1\" {} +")
              .arg(statFormat),
          {root}, [guard, root, pattern](const Result& result) {
              if (!guard)
                  return;
              if (result.exitCode != 0)
                  return fail(guard, result, QStringLiteral("error searching files"));
              const QRegularExpression glob = globExpression(pattern);
              const bool wholePath =
                  pattern.contains(QLatin1Char('/')) || pattern.contains(QLatin1String("**"));
              QString prefix = root;
              if (!prefix.endsWith(QLatin1Char('/')))
                  prefix += QLatin1Char('/');
              QJsonArray out;
              for (const QJsonObject& info : parseStat(result.out)) {
                  const QString path = info.value(QLatin1String("path")).toString();
                  const QString relative = path.startsWith(prefix) ? path.mid(prefix.size()) : path;
                  const QString subject =
                      wholePath ? relative
                                : relative.mid(relative.lastIndexOf(QLatin1Char('/')) + 1);
                  if (glob.match(subject).hasMatch())
                      out.append(info);
              }
              Replies::json(guard, 200, out);
          });
}

void ExecdFiles::replace(HttpExchange* exchange, const QString& container)
{
    bool ok = false;
    const QJsonObject body = parseJsonObject(exchange, &ok);
    if (!ok)
        return;
    struct Item
    {
        QString path;
        QByteArray from;
        QByteArray to;
    };
    auto items = std::make_shared<QList<Item>>();
    for (auto it = body.begin(); it != body.end(); ++it) {
        const QJsonObject item = it.value().toObject();
        const QByteArray from = item.value(QLatin1String("old")).toString().toUtf8();
        if (from.isEmpty())
            return Replies::error(exchange, 400, invalidRequest,
                                  QStringLiteral("old must not be empty"));
        items->append({it.key(), from, item.value(QLatin1String("new")).toString().toUtf8()});
    }
    const bool verbose =
        exchange->request().queryValue(QStringLiteral("verbose")) == QLatin1String("true");
    QPointer<HttpExchange> guard(exchange);
    auto counts = std::make_shared<QJsonObject>();
    // Each step holds the chain only while its exec runs, so it ends with the last one.
    auto chain = std::make_shared<std::function<void(qsizetype)>>();
    *chain = [this, guard, container, items, counts, verbose,
              weak = std::weak_ptr<std::function<void(qsizetype)>>(chain)](qsizetype index) {
        const auto next = weak.lock();
        if (!guard || !next)
            return;
        if (index == items->size()) {
            if (verbose)
                return Replies::json(guard, 200, *counts);
            return guard->send(200, {}, {});
        }
        const Item item = items->at(index);
        shell(container, QStringLiteral("exec cat -- \"$1\""), {item.path},
              [this, guard, container, item, counts, next, index](const Result& read) {
                  if (!guard)
                      return;
                  if (read.exitCode != 0)
                      return fail(guard, read, QStringLiteral("error reading file"));
                  QByteArray text = read.out;
                  const qsizetype count = text.count(item.from);
                  text.replace(item.from, item.to);
                  counts->insert(item.path, QJsonObject{{QStringLiteral("replacedCount"), count}});
                  // cat > keeps the file's mode, as execd does.
                  shell(
                      container, QStringLiteral("cat > \"$1\""), {item.path},
                      [guard, next, index](const Result& written) {
                          if (!guard)
                              return;
                          if (written.exitCode != 0)
                              return fail(guard, written, QStringLiteral("error writing file"));
                          (*next)(index + 1);
                      },
                      text);
              });
    };
    (*chain)(0);
}

namespace {

// A ustar archive of one regular file, for the engine's archive API.
QByteArray singleFileTar(const QByteArray& name, const QByteArray& content)
{
    QByteArray header(512, '\0');
    const auto put = [&header](int at, const QByteArray& value) {
        header.replace(at, value.size(), value);
    };
    const auto octal = [](qint64 value, int digits) {
        return QByteArray::number(value, 8).rightJustified(digits, '0');
    };
    put(0, name.left(100));
    put(100, octal(0644, 7));
    put(108, octal(0, 7));
    put(116, octal(0, 7));
    put(124, octal(content.size(), 11));
    put(136, octal(QDateTime::currentSecsSinceEpoch(), 11));
    put(148, QByteArray(8, ' '));
    header[156] = '0';
    put(257, QByteArray("ustar\0"
                        "00",
                        8));
    unsigned sum = 0;
    for (const char c : std::as_const(header))
        sum += quint8(c);
    put(148, octal(sum, 6) + QByteArray("\0 ", 2));
    return header + content + QByteArray((512 - content.size() % 512) % 512, '\0') +
           QByteArray(1024, '\0');
}

} // namespace

void ExecdFiles::upload(HttpExchange* exchange, const QString& container)
{
    const ServerRequest& request = exchange->request();
    static const QRegularExpression boundaryRx(QStringLiteral("boundary=\"?([^\";]+)\"?"),
                                               QRegularExpression::CaseInsensitiveOption);
    const auto boundaryMatch = boundaryRx.match(QString::fromUtf8(request.header("content-type")));
    if (!boundaryMatch.hasMatch())
        return Replies::error(exchange, 400, QStringLiteral("INVALID_FILE"),
                              QStringLiteral("multipart form is empty"));
    const QByteArray delimiter = "--" + boundaryMatch.captured(1).toUtf8();
    struct Part
    {
        QByteArray name;
        QByteArray data;
    };
    QList<Part> parts;
    const QByteArray& body = request.body;
    qsizetype at = body.indexOf(delimiter);
    while (at >= 0) {
        at += delimiter.size();
        if (body.mid(at, 2) == "--")
            break;
        const qsizetype headEnd = body.indexOf("\r\n\r\n", at);
        if (headEnd < 0)
            break;
        const QByteArray head = body.mid(at, headEnd - at);
        const qsizetype next = body.indexOf("\r\n" + delimiter, headEnd + 4);
        if (next < 0)
            break;
        static const QRegularExpression nameRx(QStringLiteral("name=\"([^\"]*)\""));
        const auto nameMatch = nameRx.match(QString::fromUtf8(head));
        parts.append({nameMatch.captured(1).toUtf8(), body.mid(headEnd + 4, next - headEnd - 4)});
        at = next + 2;
    }
    QList<QJsonObject> metadata;
    QList<QByteArray> files;
    for (const Part& part : parts) {
        if (part.name == "metadata")
            metadata.append(QJsonDocument::fromJson(part.data).object());
        else if (part.name == "file")
            files.append(part.data);
    }
    if (metadata.isEmpty())
        return Replies::error(exchange, 400, QStringLiteral("INVALID_FILE_METADATA"),
                              QStringLiteral("metadata file is missing"));
    if (files.isEmpty())
        return Replies::error(exchange, 400, QStringLiteral("INVALID_FILE_CONTENT"),
                              QStringLiteral("file is missing"));
    if (metadata.size() != files.size())
        return Replies::error(exchange, 400, QStringLiteral("INVALID_FILE"),
                              QStringLiteral("metadata and file count mismatch: %1 vs %2")
                                  .arg(metadata.size())
                                  .arg(files.size()));
    for (const QJsonObject& meta : metadata) {
        if (meta.value(QLatin1String("path")).toString().isEmpty())
            return Replies::error(exchange, 400, QStringLiteral("INVALID_FILE_METADATA"),
                                  QStringLiteral("metadata path is empty"));
    }
    QPointer<HttpExchange> guard(exchange);
    auto chain = std::make_shared<std::function<void(qsizetype)>>();
    *chain = [this, guard, container, metadata, files,
              weak = std::weak_ptr<std::function<void(qsizetype)>>(chain)](qsizetype index) {
        const auto next = weak.lock();
        if (!guard || !next)
            return;
        if (index == files.size())
            return guard->send(200, {}, {});
        const QJsonObject meta = metadata.at(index);
        const int mode = meta.value(QLatin1String("mode")).toInt();
        QString chown = meta.value(QLatin1String("owner")).toString();
        const QString group = meta.value(QLatin1String("group")).toString();
        if (!group.isEmpty())
            chown += QLatin1Char(':') + group;
        const QString path = meta.value(QLatin1String("path")).toString();
        const QString setMode = mode > 0 ? QString::number(mode) : QString();
        // Under a short name first: the archive's names stop at 100 bytes.
        const QString temp =
            QStringLiteral(".upload-") + QUuid::createUuid().toString(QUuid::Id128);
        // The content goes in through the engine's archive API: exec stdin is for small input.
        shell(container,
              QStringLiteral("mkdir -p -- \"$(dirname -- \"$1\")\" && dirname -- \"$1\""), {path},
              [this, guard, next, index, container, path, setMode, chown, temp,
               content = files.at(index)](const Result& made) {
                  if (!guard)
                      return;
                  if (made.exitCode != 0)
                      return fail(guard, made, QStringLiteral("error writing file"));
                  const QByteArray folder = made.out.trimmed();
                  m_docker->call(
                      "PUT",
                      "/containers/" + QUrl::toPercentEncoding(container) +
                          "/archive?path=" + QUrl::toPercentEncoding(QString::fromUtf8(folder)),
                      singleFileTar(temp.toUtf8(), content),
                      [this, guard, next, index, container, path, setMode, chown, temp,
                       folder](int status, const QByteArray& answer) {
                          if (!guard)
                              return;
                          if (status != 200) {
                              Result result;
                              result.exitCode = 1;
                              result.err = answer;
                              if (status == 0)
                                  result.failure = QStringLiteral("the engine did not answer");
                              return fail(guard, result, QStringLiteral("error writing file"));
                          }
                          shell(container,
                                QStringLiteral(
                                    "mv -f -- \"$4\" \"$1\" || exit 1; "
                                    "if [ -n \"$2\" ]; then chmod \"$2\" \"$1\" || exit 1; fi; "
                                    "if [ -n \"$3\" ]; then chown \"$3\" \"$1\" || exit 1; fi"),
                                QStringList{path, setMode, chown,
                                            QString::fromUtf8(folder) + QLatin1Char('/') + temp},
                                [guard, next, index](const Result& result) {
                                    if (!guard)
                                        return;
                                    if (result.exitCode != 0)
                                        return fail(guard, result,
                                                    QStringLiteral("error writing file"));
                                    (*next)(index + 1);
                                });
                      });
              });
    };
    (*chain)(0);
}

void ExecdFiles::download(HttpExchange* exchange, const QString& container)
{
    const QString path = exchange->request().queryValue(QStringLiteral("path"));
    if (path.isEmpty())
        return Replies::error(exchange, 400, QStringLiteral("MISSING_QUERY"),
                              QStringLiteral("missing query parameter path"));
    QPointer<HttpExchange> guard(exchange);
    shell(container,
          QStringLiteral("[ -d \"$1\" ] && { echo \"$1: is a directory\" >&2; exit 2; }; exec "
                         "cat -- \"$1\""),
          {path}, [guard, path](const Result& result) {
              if (!guard)
                  return;
              if (result.exitCode == 2 && result.failure.isEmpty())
                  return Replies::error(guard, 400, invalidRequest,
                                        QString::fromUtf8(result.err).trimmed());
              if (result.exitCode != 0)
                  return fail(guard, result, QStringLiteral("error reading file"));
              const QByteArray& data = result.out;
              const QByteArray filename = path.mid(path.lastIndexOf(QLatin1Char('/')) + 1).toUtf8();
              HeaderList headers{
                  {"Content-Disposition", "attachment; filename=\"" + filename + '"'},
                  {"Accept-Ranges", "bytes"}};
              const QByteArray range = guard->request().header("range");
              static const QRegularExpression rangeRx(QStringLiteral("^bytes=(\\d*)-(\\d*)$"));
              const auto match = rangeRx.match(QString::fromLatin1(range));
              if (range.isEmpty())
                  return guard->send(200, data, "application/octet-stream", headers);
              const qint64 size = data.size();
              qint64 first = 0;
              qint64 last = size - 1;
              if (!match.hasMatch() || (match.captured(1).isEmpty() && match.captured(2).isEmpty()))
                  first = size; // unsatisfiable below
              else if (match.captured(1).isEmpty())
                  first = qMax<qint64>(0, size - match.captured(2).toLongLong());
              else {
                  first = match.captured(1).toLongLong();
                  if (!match.captured(2).isEmpty())
                      last = qMin(last, match.captured(2).toLongLong());
              }
              if (first >= size || first > last)
                  return Replies::error(guard, 416, invalidRequest,
                                        QStringLiteral("requested range not satisfiable"),
                                        {{"Content-Range", "bytes */" + QByteArray::number(size)}});
              headers.append({"Content-Range", "bytes " + QByteArray::number(first) + '-' +
                                                   QByteArray::number(last) + '/' +
                                                   QByteArray::number(size)});
              guard->send(206, data.mid(first, last - first + 1), "application/octet-stream",
                          headers);
          });
}

void ExecdFiles::list(HttpExchange* exchange, const QString& container)
{
    const QString path = exchange->request().queryValue(QStringLiteral("path"));
    if (path.isEmpty())
        return Replies::error(exchange, 400, QStringLiteral("MISSING_QUERY"),
                              QStringLiteral("missing query parameter path"));
    int depth = 1;
    if (exchange->request().hasQuery(QStringLiteral("depth"))) {
        bool ok = false;
        depth = exchange->request().queryValue(QStringLiteral("depth")).toInt(&ok);
        if (!ok || depth < 0)
            return Replies::error(exchange, 400, invalidRequest, QStringLiteral("invalid depth"));
    }
    if (depth == 0)
        depth = 1;
    QPointer<HttpExchange> guard(exchange);
    shell(container,
          QStringLiteral("[ -L \"$1\" ] && { echo \"$1 is a symbolic link\" >&2; exit 3; }; "
                         "[ -e \"$1\" ] || { echo \"$1: No such file or directory\" >&2; exit 1; "
                         "}; [ -d \"$1\" ] || { echo \"$1 is not a directory\" >&2; exit 3; }; "
                         "exec find \"$1\" -mindepth 1 -maxdepth \"$2\" -exec stat -c \"%1\" {} +")
              .arg(statFormat),
          {path, QString::number(depth)}, [guard](const Result& result) {
              if (!guard)
                  return;
              if (result.exitCode == 3 && result.failure.isEmpty())
                  return Replies::error(guard, 400, invalidRequest,
                                        QString::fromUtf8(result.err).trimmed());
              if (result.exitCode != 0)
                  return fail(guard, result, QStringLiteral("error listing directory"));
              QList<QJsonObject> infos = parseStat(result.out);
              // Lexical by name within a directory, each entry followed by its descendants.
              std::sort(infos.begin(), infos.end(), [](const QJsonObject& a, const QJsonObject& b) {
                  const QStringList pa =
                      a.value(QLatin1String("path")).toString().split(QLatin1Char('/'));
                  const QStringList pb =
                      b.value(QLatin1String("path")).toString().split(QLatin1Char('/'));
                  return std::lexicographical_compare(pa.begin(), pa.end(), pb.begin(), pb.end());
              });
              QJsonArray out;
              for (const QJsonObject& info : infos)
                  out.append(info);
              Replies::json(guard, 200, out);
          });
}

void ExecdFiles::removeDirectories(HttpExchange* exchange, const QString& container)
{
    const QStringList paths = exchange->request().queryValues(QStringLiteral("path"));
    QPointer<HttpExchange> guard(exchange);
    shell(container, QStringLiteral("exec rm -rf -- \"$@\""), paths, [guard](const Result& result) {
        if (!guard)
            return;
        if (result.exitCode != 0)
            return fail(guard, result, QStringLiteral("error removing directory"));
        guard->send(200, {}, {});
    });
}
