#include "SandboxFiles.h"

Error SandboxFiles::ownershipUnsupported()
{
    return Error::make(Error::Invalid,
                       tr("This sandbox cannot promise to keep the owners of uploaded files."));
}
