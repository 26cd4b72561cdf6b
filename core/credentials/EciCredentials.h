#pragma once

#include <QString>

// What signs an Alibaba Cloud request. The secret and the token are never logged nor put into
// error texts. Here rather than in eci/ so that an account can name them without the client.
struct EciCredentials
{
    QString accessKeyId;
    QString accessKeySecret;
    QString securityToken; // optional (STS)

    bool isValid() const { return !accessKeyId.isEmpty() && !accessKeySecret.isEmpty(); }
};

// Which Alibaba Cloud request signature an account uses.
enum class EciSignatureVersion
{
    V3, // ACS3-HMAC-SHA256
    V1  // HMAC-SHA1
};
