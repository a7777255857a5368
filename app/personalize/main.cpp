#include "PersonalizeCommand.h"

#include <cstdio>
#include <string>
#include <vector>

int main(int argc, char** argv)
{
    std::vector<std::string> arguments(argv + 1, argv + argc);
    return cardlink::personalize::PersonalizeCommand::run(arguments, stdout, stderr);
}
