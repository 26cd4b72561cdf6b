#include "eci/EciSigner.h"

#include <QCryptographicHash>
#include <QTest>

class TestEciSigner final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void v3DocumentedVector();
    void v3SignAndVerify();
    void v3SecurityTokenIsSigned();
    void v1Vector();
    void v1SignAndVerify();
    void percentEncoding_data();
    void percentEncoding();
    void orderIndependence();
    void tamperingChangesSignature();
    void flattening();
    void parseAuthorization();
};

namespace {

// Alibaba's documented V3 example (PROTOCOLS.md).
EciSigner::Request documentedRequest()
{
    EciSigner::Request request;
    request.host = "ecs.cn-shanghai.aliyuncs.com";
    request.action = QStringLiteral("RunInstances");
    request.version = QStringLiteral("2014-05-26");
    request.time = QDateTime(QDate(2023, 10, 26), QTime(10, 22, 32), Qt::UTC);
    request.nonce = QStringLiteral("3156853299f313e23d1673dc12e1703d");
    request.query = {
        {QStringLiteral("ImageId"),
         QStringLiteral("win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd")},
        {QStringLiteral("RegionId"), QStringLiteral("cn-shanghai")},
    };
    return request;
}

EciCredentials documentedCredentials()
{
    return {QStringLiteral("YourAccessKeyId"), QStringLiteral("YourAccessKeySecret"), {}};
}

QByteArray header(const EciHeaders& headers, const QByteArray& name)
{
    for (const auto& h : headers) {
        if (h.first == name)
            return h.second;
    }
    return {};
}

} // namespace

void TestEciSigner::v3DocumentedVector()
{
    const EciSigner::Request request = documentedRequest();
    const QByteArray emptyHash = QCryptographicHash::hash({}, QCryptographicHash::Sha256).toHex();
    const EciHeaders headers{
        {"host", request.host},
        {"x-acs-action", "RunInstances"},
        {"x-acs-version", "2014-05-26"},
        {"x-acs-date", "2023-10-26T10:22:32Z"},
        {"x-acs-signature-nonce", "3156853299f313e23d1673dc12e1703d"},
        {"x-acs-content-sha256", emptyHash},
    };
    const QByteArray canonical =
        EciSigner::v3CanonicalRequest("POST", request.query, headers, emptyHash);
    QCOMPARE(QCryptographicHash::hash(canonical, QCryptographicHash::Sha256).toHex(),
             QByteArray("7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259"));
    QCOMPARE(EciSigner::v3Signature(canonical, QStringLiteral("YourAccessKeySecret")),
             QByteArray("06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0"));

    const EciSigner::Signed signedRequest =
        EciSigner::sign(EciSigner::Version::V3, request, documentedCredentials());
    QCOMPARE(
        header(signedRequest.headers, "authorization"),
        QByteArray("ACS3-HMAC-SHA256 Credential=YourAccessKeyId,"
                   "SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;"
                   "x-acs-signature-nonce;x-acs-version,"
                   "Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0"));
    QCOMPARE(signedRequest.query, request.query);
}

void TestEciSigner::v3SignAndVerify()
{
    const EciSigner::Request request = documentedRequest();
    const EciSigner::Signed s =
        EciSigner::sign(EciSigner::Version::V3, request, documentedCredentials());
    QVERIFY(
        EciSigner::verifyV3("POST", s.query, s.headers, {}, QStringLiteral("YourAccessKeySecret")));
    QVERIFY(!EciSigner::verifyV3("POST", s.query, s.headers, {}, QStringLiteral("OtherSecret")));
    QVERIFY(
        !EciSigner::verifyV3("GET", s.query, s.headers, {}, QStringLiteral("YourAccessKeySecret")));
    QVERIFY(!EciSigner::verifyV3("POST", s.query, s.headers, "body",
                                 QStringLiteral("YourAccessKeySecret")));
    // An x-acs-* header that was added after signing is refused.
    EciHeaders extra = s.headers;
    extra.append(qMakePair(QByteArray("x-acs-extra"), QByteArray("1")));
    QVERIFY(
        !EciSigner::verifyV3("POST", s.query, extra, {}, QStringLiteral("YourAccessKeySecret")));
}

void TestEciSigner::v3SecurityTokenIsSigned()
{
    EciCredentials credentials = documentedCredentials();
    credentials.securityToken = QStringLiteral("sts-token");
    const EciSigner::Signed s =
        EciSigner::sign(EciSigner::Version::V3, documentedRequest(), credentials);
    QCOMPARE(header(s.headers, "x-acs-security-token"), QByteArray("sts-token"));
    QVERIFY(header(s.headers, "authorization").contains("x-acs-security-token"));
    QVERIFY(EciSigner::verifyV3("POST", s.query, s.headers, {}, credentials.accessKeySecret));
    EciHeaders changed = s.headers;
    for (auto& h : changed) {
        if (h.first == "x-acs-security-token")
            h.second = "other-token";
    }
    QVERIFY(!EciSigner::verifyV3("POST", s.query, changed, {}, credentials.accessKeySecret));
}

// Expected value computed independently with a node one-off (node:crypto, the standard V1
// algorithm: encodeURIComponent plus !'()* escaped, keys sorted, "POST&%2F&" + encode(query),
// base64(HMAC-SHA1("testsecret&", string to sign))).
void TestEciSigner::v1Vector()
{
    const EciParams params{
        {QStringLiteral("Format"), QStringLiteral("JSON")},
        {QStringLiteral("Version"), QStringLiteral("2018-08-08")},
        {QStringLiteral("Action"), QStringLiteral("DescribeContainerGroups")},
        {QStringLiteral("AccessKeyId"), QStringLiteral("testid")},
        {QStringLiteral("SignatureMethod"), QStringLiteral("HMAC-SHA1")},
        {QStringLiteral("SignatureVersion"), QStringLiteral("1.0")},
        {QStringLiteral("SignatureNonce"), QStringLiteral("3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf")},
        {QStringLiteral("Timestamp"), QStringLiteral("2016-02-23T12:46:24Z")},
        {QStringLiteral("RegionId"), QStringLiteral("cn-hangzhou")},
        {QStringLiteral("Tag.1.Key"), QStringLiteral("env name")},
        {QStringLiteral("Tag.1.Value"), QString::fromUtf8("测试*~/=")},
    };
    QCOMPARE(EciSigner::v1StringToSign("POST", params),
             QByteArray("POST&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeContainerGroups%26"
                        "Format%3DJSON%26RegionId%3Dcn-hangzhou%26SignatureMethod%3DHMAC-SHA1%26"
                        "SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26"
                        "SignatureVersion%3D1.0%26Tag.1.Key%3Denv%2520name%26"
                        "Tag.1.Value%3D%25E6%25B5%258B%25E8%25AF%2595%252A~%252F%253D%26"
                        "Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2018-08-08"));
    QCOMPARE(EciSigner::v1Signature("POST", params, QStringLiteral("testsecret")),
             QByteArray("CtXQMTa/FHJ9awuXwlcn3bsssT4="));

    // sign() adds the same common parameters and reaches the same signature.
    EciSigner::Request request;
    request.action = QStringLiteral("DescribeContainerGroups");
    request.version = QStringLiteral("2018-08-08");
    request.time = QDateTime(QDate(2016, 2, 23), QTime(12, 46, 24), Qt::UTC);
    request.nonce = QStringLiteral("3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf");
    request.query = {
        {QStringLiteral("RegionId"), QStringLiteral("cn-hangzhou")},
        {QStringLiteral("Tag.1.Key"), QStringLiteral("env name")},
        {QStringLiteral("Tag.1.Value"), QString::fromUtf8("测试*~/=")},
    };
    const EciSigner::Signed s =
        EciSigner::sign(EciSigner::Version::V1, request,
                        {QStringLiteral("testid"), QStringLiteral("testsecret"), {}});
    QCOMPARE(s.query.last(), qMakePair(QStringLiteral("Signature"),
                                       QStringLiteral("CtXQMTa/FHJ9awuXwlcn3bsssT4=")));
    QVERIFY(s.headers.isEmpty());
}

void TestEciSigner::v1SignAndVerify()
{
    EciSigner::Request request;
    request.action = QStringLiteral("DescribeRegions");
    request.version = QStringLiteral("2018-08-08");
    request.time = QDateTime::currentDateTimeUtc();
    request.nonce = QStringLiteral("n1");
    const EciCredentials credentials{QStringLiteral("id"), QStringLiteral("secret"),
                                     QStringLiteral("tok")};
    const EciSigner::Signed s = EciSigner::sign(EciSigner::Version::V1, request, credentials);
    bool hasToken = false;
    for (const auto& p : s.query)
        hasToken = hasToken ||
                   (p.first == QLatin1String("SecurityToken") && p.second == QLatin1String("tok"));
    QVERIFY(hasToken);
    QVERIFY(EciSigner::verifyV1("POST", s.query, QStringLiteral("secret")));
    QVERIFY(!EciSigner::verifyV1("POST", s.query, QStringLiteral("secreT")));
    QVERIFY(!EciSigner::verifyV1("GET", s.query, QStringLiteral("secret")));
    EciParams noSignature = s.query;
    noSignature.removeLast();
    QVERIFY(!EciSigner::verifyV1("POST", noSignature, QStringLiteral("secret")));
}

void TestEciSigner::percentEncoding_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("encoded");
    QTest::newRow("unreserved") << QStringLiteral("AZaz09-_.~") << QByteArray("AZaz09-_.~");
    QTest::newRow("space") << QStringLiteral("a b") << QByteArray("a%20b");
    QTest::newRow("star") << QStringLiteral("*") << QByteArray("%2A");
    QTest::newRow("tilde") << QStringLiteral("~") << QByteArray("~");
    QTest::newRow("slash") << QStringLiteral("/") << QByteArray("%2F");
    QTest::newRow("equals") << QStringLiteral("=") << QByteArray("%3D");
    QTest::newRow("plus") << QStringLiteral("+") << QByteArray("%2B");
    QTest::newRow("ampersand") << QStringLiteral("&") << QByteArray("%26");
    QTest::newRow("percent") << QStringLiteral("%") << QByteArray("%25");
    QTest::newRow("chinese") << QString::fromUtf8("中文") << QByteArray("%E4%B8%AD%E6%96%87");
    QTest::newRow("empty") << QString() << QByteArray();
}

void TestEciSigner::percentEncoding()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, encoded);
    QCOMPARE(EciSigner::percentEncode(text), encoded);
}

void TestEciSigner::orderIndependence()
{
    EciSigner::Request a = documentedRequest();
    a.query.append({QStringLiteral("Tag.1.Key"), QStringLiteral("k")});
    EciSigner::Request b = a;
    std::reverse(b.query.begin(), b.query.end());
    const EciCredentials credentials = documentedCredentials();
    QCOMPARE(EciSigner::canonicalQuery(a.query), EciSigner::canonicalQuery(b.query));
    QCOMPARE(
        header(EciSigner::sign(EciSigner::Version::V3, a, credentials).headers, "authorization"),
        header(EciSigner::sign(EciSigner::Version::V3, b, credentials).headers, "authorization"));
    QCOMPARE(EciSigner::sign(EciSigner::Version::V1, a, credentials).query.last(),
             EciSigner::sign(EciSigner::Version::V1, b, credentials).query.last());
    // The verifier accepts the parameters in any order.
    EciSigner::Signed s = EciSigner::sign(EciSigner::Version::V1, a, credentials);
    std::reverse(s.query.begin(), s.query.end());
    QVERIFY(EciSigner::verifyV1("POST", s.query, credentials.accessKeySecret));
}

void TestEciSigner::tamperingChangesSignature()
{
    const EciCredentials credentials = documentedCredentials();
    for (const EciSigner::Version version : {EciSigner::Version::V3, EciSigner::Version::V1}) {
        const EciSigner::Request request = documentedRequest();
        const EciSigner::Signed original = EciSigner::sign(version, request, credentials);
        const auto signatureOf = [&](const EciSigner::Signed& s) {
            return version == EciSigner::Version::V3 ? header(s.headers, "authorization")
                                                     : s.query.last().second.toLatin1();
        };
        auto changedValue = request;
        changedValue.query[1].second = QStringLiteral("cn-beijing");
        auto changedTime = request;
        changedTime.time = request.time.addSecs(1);
        auto changedNonce = request;
        changedNonce.nonce += QLatin1Char('0');
        auto changedAction = request;
        changedAction.action = QStringLiteral("DeleteInstance");
        auto added = request;
        added.query.append({QStringLiteral("DryRun"), QStringLiteral("true")});
        for (const auto& tampered : {changedValue, changedTime, changedNonce, changedAction, added})
            QVERIFY(signatureOf(EciSigner::sign(version, tampered, credentials)) !=
                    signatureOf(original));

        // A tampered parameter on the wire fails verification.
        EciSigner::Signed wire = original;
        for (auto& p : wire.query) {
            if (p.first == QLatin1String("RegionId"))
                p.second = QStringLiteral("cn-beijing");
        }
        if (version == EciSigner::Version::V3)
            QVERIFY(!EciSigner::verifyV3("POST", wire.query, wire.headers, {},
                                         credentials.accessKeySecret));
        else
            QVERIFY(!EciSigner::verifyV1("POST", wire.query, credentials.accessKeySecret));
    }
}

void TestEciSigner::flattening()
{
    EciParams params;
    EciSigner::appendList(&params, QStringLiteral("Container.1.Command"),
                          {QStringLiteral("sh"), QStringLiteral("-c")});
    EciSigner::appendObjects(&params, QStringLiteral("Tag"),
                             {{{QStringLiteral("Key"), QStringLiteral("a")},
                               {QStringLiteral("Value"), QStringLiteral("1")}},
                              {{QStringLiteral("Key"), QStringLiteral("b")}}});
    const EciParams expected{
        {QStringLiteral("Container.1.Command.1"), QStringLiteral("sh")},
        {QStringLiteral("Container.1.Command.2"), QStringLiteral("-c")},
        {QStringLiteral("Tag.1.Key"), QStringLiteral("a")},
        {QStringLiteral("Tag.1.Value"), QStringLiteral("1")},
        {QStringLiteral("Tag.2.Key"), QStringLiteral("b")},
    };
    QCOMPARE(params, expected);
}

void TestEciSigner::parseAuthorization()
{
    const auto auth = EciSigner::parseV3Authorization(
        "ACS3-HMAC-SHA256 Credential=id,SignedHeaders=host;x-acs-date,Signature=abc");
    QVERIFY(auth.valid);
    QCOMPARE(auth.accessKeyId, QStringLiteral("id"));
    QCOMPARE(auth.signedHeaders, (QList<QByteArray>{"host", "x-acs-date"}));
    QCOMPARE(auth.signature, QByteArray("abc"));
    QVERIFY(!EciSigner::parseV3Authorization("HMAC-SHA1 Credential=id").valid);
    QVERIFY(!EciSigner::parseV3Authorization("ACS3-HMAC-SHA256 Credential=id,Signature=x").valid);
    QVERIFY(!EciSigner::parseV3Authorization("").valid);
}

QTEST_GUILESS_MAIN(TestEciSigner)
#include "tst_ecisigner.moc"
