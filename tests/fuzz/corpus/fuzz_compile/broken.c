int x = (((1;
#if
#define F(a) #a ## b
"unterminated
